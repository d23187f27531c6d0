CREATE TYPE "public"."participant_kind" AS ENUM('referrer', 'contact');--> statement-breakpoint
ALTER TYPE "public"."inbound_email_status" ADD VALUE 'failed';--> statement-breakpoint
CREATE TABLE "email_bounces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"email" text NOT NULL,
	"outbox_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"inbound_email_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD COLUMN "detail" text;--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD COLUMN "source_outbox_id" uuid;--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD COLUMN "source_inbound_email_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sender_unverified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "sender_authentication" jsonb;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "kind" "participant_kind" DEFAULT 'referrer' NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "legal_basis" text;--> statement-breakpoint
CREATE UNIQUE INDEX "email_bounces_outbox_kind_unique" ON "email_bounces" USING btree ("outbox_id","kind");--> statement-breakpoint
CREATE INDEX "email_bounces_recipient_idx" ON "email_bounces" USING btree ("program_id","email","created_at");--> statement-breakpoint
CREATE INDEX "email_suppressions_program_created_idx" ON "email_suppressions" USING btree ("program_id","created_at","id");