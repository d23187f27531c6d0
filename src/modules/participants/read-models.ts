// The participants module's read model (ARCHITECTURE.md "One owner per table"): a read-only view of its
// referrers for other modules' lists that must stay one SQL query. Only the files listed there (and in
// .dependency-cruiser.cjs) import it; everything else asks participants' functions.
import { boolean, pgView, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Migration 0009: `select … from participants`; the planner inlines it like a join on the table. */
export const participantDirectory = pgView("participant_directory", {
  id: uuid("id").notNull(),
  organizationId: uuid("organization_id").notNull(),
  programId: uuid("program_id").notNull(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  phone: text("phone"),
  locale: text("locale").notNull(),
  status: text("status", { enum: ["active", "left"] }).notNull(),
  wantsMonthlyDigest: boolean("wants_monthly_digest").notNull(),
  wantsStatusEmails: boolean("wants_status_emails").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
}).existing();
