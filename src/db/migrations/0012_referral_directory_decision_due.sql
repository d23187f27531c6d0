-- Hand-written: the referrals read model also says until when the checks' decision is not yet shown to
-- the referrer (referrals.decision_notice_due_at), so the monthly digest shows it no sooner than the
-- decision's own notice. A new column at the end: CREATE OR REPLACE VIEW keeps the others as they are.
CREATE OR REPLACE VIEW "referral_directory" AS
  SELECT "id", "organization_id", "program_id", "participant_id", "status", "reason", "company_name",
    "company_cnpj", "created_at", "updated_at", "decision_notice_due_at"
  FROM "referrals";
