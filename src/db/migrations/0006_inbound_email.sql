CREATE TYPE "public"."inbound_email_channel" AS ENUM('smtp', 'http');--> statement-breakpoint
CREATE TYPE "public"."inbound_email_status" AS ENUM('received', 'attached', 'ticket_opened', 'quarantined', 'ignored', 'bounce', 'discarded');--> statement-breakpoint
CREATE TABLE "inbound_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"program_id" uuid,
	"via" "inbound_email_channel" NOT NULL,
	"envelope_from" text,
	"envelope_to" jsonb NOT NULL,
	"raw" "bytea" NOT NULL,
	"size_bytes" integer NOT NULL,
	"message_key" text NOT NULL,
	"message_id" text,
	"from_address" text,
	"from_name" text,
	"subject" text,
	"status" "inbound_email_status" DEFAULT 'received' NOT NULL,
	"outcome" text,
	"participant_id" uuid,
	"ticket_id" uuid,
	"ticket_message_id" uuid,
	"handled_by_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD COLUMN "inbound_email_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "previous_ticket_id" uuid;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_handled_by_id_staff_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_emails_message_key_unique" ON "inbound_emails" USING btree ("message_key");--> statement-breakpoint
CREATE INDEX "inbound_emails_organization_status_idx" ON "inbound_emails" USING btree ("organization_id","status","received_at","id");--> statement-breakpoint
CREATE INDEX "inbound_emails_from_received_idx" ON "inbound_emails" USING btree ("from_address","received_at");--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_previous_ticket_id_tickets_id_fk" FOREIGN KEY ("previous_ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participants_email_idx" ON "participants" USING btree ("email");