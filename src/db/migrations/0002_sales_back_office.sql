CREATE TYPE "public"."whatsapp_outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."reward_offer_status" AS ENUM('awaiting_choice', 'chosen', 'delivered', 'delayed');--> statement-breakpoint
CREATE TABLE "whatsapp_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"program_id" uuid,
	"participant_id" uuid,
	"to_phone" text NOT NULL,
	"template_name" text NOT NULL,
	"language_code" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"text" text NOT NULL,
	"status" "whatsapp_outbox_status" DEFAULT 'pending' NOT NULL,
	"provider_message_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referral_sales" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"cnpjs" text[] NOT NULL,
	"is_upgrade" boolean NOT NULL,
	"closed_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reward_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"company_name" text NOT NULL,
	"status" "reward_offer_status" DEFAULT 'awaiting_choice' NOT NULL,
	"due_month" text NOT NULL,
	"item_id" uuid,
	"item" jsonb,
	"chosen_at" timestamp with time zone,
	"delivery_reference" text,
	"delivered_at" timestamp with time zone,
	"delay_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reward_offers_due_month_format" CHECK ("reward_offers"."due_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "dev_mailbox" ADD COLUMN "channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "reward_items" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "referral_sales" ADD CONSTRAINT "referral_sales_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_sales" ADD CONSTRAINT "referral_sales_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_offers" ADD CONSTRAINT "reward_offers_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_offers" ADD CONSTRAINT "reward_offers_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_offers" ADD CONSTRAINT "reward_offers_item_id_reward_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."reward_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "whatsapp_outbox_participant_idx" ON "whatsapp_outbox" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_sales_referral_unique" ON "referral_sales" USING btree ("referral_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reward_offers_sale_unique" ON "reward_offers" USING btree ("sale_id");--> statement-breakpoint
CREATE INDEX "reward_offers_program_status_idx" ON "reward_offers" USING btree ("program_id","status","due_month","id");--> statement-breakpoint
CREATE INDEX "reward_offers_participant_idx" ON "reward_offers" USING btree ("participant_id","created_at");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referrals_org_created_idx" ON "referrals" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "referrals_org_updated_idx" ON "referrals" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "referrals_org_company_idx" ON "referrals" USING btree ("organization_id","company_name","id");--> statement-breakpoint
CREATE INDEX "referrals_org_assignee_idx" ON "referrals" USING btree ("organization_id","assignee_id");