ALTER TYPE "public"."inbound_email_status" ADD VALUE 'failed';--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sender_unverified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "sender_authentication" jsonb;