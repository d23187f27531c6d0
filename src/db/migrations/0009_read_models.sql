-- Read models (ARCHITECTURE.md "One owner per table"): read-only views other modules join in lists that
-- must stay one query. Simple views: the planner inlines them, so plans and indexes are a join's.
CREATE VIEW "participant_directory" AS
  SELECT "id", "organization_id", "program_id", "email", "name", "phone", "locale", "status",
    "wants_monthly_digest", "wants_status_emails", "created_at"
  FROM "participants";
--> statement-breakpoint
CREATE VIEW "staff_directory" AS
  SELECT "id", "organization_id", "email", "name", "role", "disabled_at"
  FROM "staff_users";
--> statement-breakpoint
CREATE VIEW "referral_directory" AS
  SELECT "id", "organization_id", "program_id", "participant_id", "status", "reason", "company_name",
    "company_cnpj", "created_at", "updated_at"
  FROM "referrals";
