// The referrals module's read model (ARCHITECTURE.md "One owner per table"): a read-only view of its
// referrals for other modules that list them with their own rows in one query (the monthly digest).
import { pgView, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { referralStatuses } from "../../shared/referral-codes.js";

/** Migrations 0009 and 0012: `select … from referrals` without the contact's data. */
export const referralDirectory = pgView("referral_directory", {
  id: uuid("id").notNull(),
  organizationId: uuid("organization_id").notNull(),
  programId: uuid("program_id").notNull(),
  participantId: uuid("participant_id").notNull(),
  status: text("status", { enum: referralStatuses }).notNull(),
  reason: text("reason"),
  companyName: text("company_name").notNull(),
  companyCnpj: text("company_cnpj"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  /** Until then the referrer is shown the referral as before the checks' decision (decision-notice.ts). */
  decisionNoticeDueAt: timestamp("decision_notice_due_at", { withTimezone: true }),
}).existing();
