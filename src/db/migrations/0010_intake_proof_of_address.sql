ALTER TABLE "participants" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal_sign_in_links" ADD COLUMN "purpose" text DEFAULT 'sign_in' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "automatic_decision_notice_delay_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "referrer_name" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "referrer_phone" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "decision_notice_due_at" timestamp with time zone;