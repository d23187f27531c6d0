CREATE TYPE "public"."company_size" AS ENUM('small', 'medium', 'large', 'enterprise');--> statement-breakpoint
CREATE TYPE "public"."contact_department" AS ENUM('it', 'customer_service', 'other');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('in_progress', 'qualified', 'not_qualified', 'in_commercial_process', 'not_advanced', 'sale_confirmed');--> statement-breakpoint
CREATE TYPE "public"."customer_status" AS ENUM('active', 'churned');--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"email" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"referral_id" uuid,
	"kind" text NOT NULL,
	"terms_version" text NOT NULL,
	"ip" "inet",
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"decision" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_ip" "inet",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"from_status" "referral_status",
	"to_status" "referral_status" NOT NULL,
	"reason" text,
	"note" text,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_findings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" "referral_status" DEFAULT 'in_progress' NOT NULL,
	"reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"company_name" text NOT NULL,
	"company_name_normalized" text NOT NULL,
	"company_cnpj" text,
	"company_cnpj_root" text,
	"contact_corporate_domain" text,
	"contact_name" text NOT NULL,
	"contact_role" text NOT NULL,
	"contact_department" "contact_department" NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text NOT NULL,
	"company_size" "company_size" NOT NULL,
	"support_agents" integer,
	"notes" text,
	"referrer_is_customer" boolean NOT NULL,
	"duplicate_of_id" uuid,
	"checks_completed_at" timestamp with time zone,
	"submitted_ip" "inet",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_key" text NOT NULL,
	"cnpj" text,
	"cnpj_root" text,
	"domain" text,
	"name" text,
	"name_normalized" text,
	"status" "customer_status" NOT NULL,
	"churned_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_partner_customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_key" text NOT NULL,
	"cnpj" text,
	"cnpj_root" text,
	"domain" text,
	"name" text,
	"name_normalized" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_pipeline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_key" text NOT NULL,
	"cnpj" text,
	"cnpj_root" text,
	"domain" text,
	"email" text,
	"entered_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_confirmations" ADD CONSTRAINT "contact_confirmations_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_findings" ADD CONSTRAINT "referral_findings_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_customers" ADD CONSTRAINT "registry_customers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_partner_customers" ADD CONSTRAINT "registry_partner_customers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_pipeline" ADD CONSTRAINT "registry_pipeline_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_suppressions_unique" ON "email_suppressions" USING btree ("program_id","email");--> statement-breakpoint
CREATE INDEX "consent_records_participant_idx" ON "consent_records" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_confirmations_token_unique" ON "contact_confirmations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_confirmations_referral_unique" ON "contact_confirmations" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_findings_kind_unique" ON "referral_findings" USING btree ("referral_id","kind");--> statement-breakpoint
CREATE INDEX "referrals_program_created_idx" ON "referrals" USING btree ("program_id","created_at","id");--> statement-breakpoint
CREATE INDEX "referrals_participant_idx" ON "referrals" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_program_status_idx" ON "referrals" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "referrals_program_cnpj_root_idx" ON "referrals" USING btree ("program_id","company_cnpj_root");--> statement-breakpoint
CREATE INDEX "referrals_program_domain_idx" ON "referrals" USING btree ("program_id","contact_corporate_domain");--> statement-breakpoint
CREATE INDEX "referrals_program_name_idx" ON "referrals" USING btree ("program_id","company_name_normalized");--> statement-breakpoint
CREATE INDEX "referrals_submitted_ip_idx" ON "referrals" USING btree ("submitted_ip","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_customers_key_unique" ON "registry_customers" USING btree ("organization_id","entry_key");--> statement-breakpoint
CREATE INDEX "registry_customers_root_idx" ON "registry_customers" USING btree ("organization_id","cnpj_root");--> statement-breakpoint
CREATE INDEX "registry_customers_domain_idx" ON "registry_customers" USING btree ("organization_id","domain");--> statement-breakpoint
CREATE INDEX "registry_customers_name_idx" ON "registry_customers" USING btree ("organization_id","name_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_partner_customers_key_unique" ON "registry_partner_customers" USING btree ("organization_id","entry_key");--> statement-breakpoint
CREATE INDEX "registry_partner_customers_root_idx" ON "registry_partner_customers" USING btree ("organization_id","cnpj_root");--> statement-breakpoint
CREATE INDEX "registry_partner_customers_domain_idx" ON "registry_partner_customers" USING btree ("organization_id","domain");--> statement-breakpoint
CREATE INDEX "registry_partner_customers_name_idx" ON "registry_partner_customers" USING btree ("organization_id","name_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_pipeline_key_unique" ON "registry_pipeline" USING btree ("organization_id","entry_key");--> statement-breakpoint
CREATE INDEX "registry_pipeline_root_idx" ON "registry_pipeline" USING btree ("organization_id","cnpj_root");--> statement-breakpoint
CREATE INDEX "registry_pipeline_domain_idx" ON "registry_pipeline" USING btree ("organization_id","domain");--> statement-breakpoint
CREATE INDEX "registry_pipeline_email_idx" ON "registry_pipeline" USING btree ("organization_id","email");