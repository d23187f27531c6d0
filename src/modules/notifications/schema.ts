import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { participants } from "../participants/schema.js";
import { programs } from "../programs/schema.js";

/**
 * One row per referrer per month whose status e-mail was composed. The unique (participant, month) is
 * what makes the digest exactly-once: a second run, or a run on another worker at the same moment,
 * finds the row taken and writes no second e-mail.
 */
export const monthlyDigests = pgTable(
  "monthly_digests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    // YYYY-MM, in the program's time zone.
    month: text("month").notNull(),
    referralCount: integer("referral_count").notNull(),
    outboxId: uuid("outbox_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("monthly_digests_participant_month_unique").on(table.participantId, table.month),
    index("monthly_digests_program_month_idx").on(table.programId, table.month),
  ],
);
