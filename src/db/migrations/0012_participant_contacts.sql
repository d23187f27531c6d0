CREATE TYPE "public"."participant_kind" AS ENUM('referrer', 'contact');--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "kind" "participant_kind" DEFAULT 'referrer' NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "legal_basis" text;