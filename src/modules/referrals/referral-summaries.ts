// Referrals as other modules show them beside their own rows (a ticket's linked referral, a
// participant card): company, status and reason, never the contact's data.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { shownReasonSql, shownStatusSql } from "./decision-notice.js";
import { referrals } from "./schema.js";

export type ReferralSummary = {
  id: string;
  companyName: string;
  status: (typeof referrals.$inferSelect)["status"];
  reason: string | null;
  createdAt: Date;
};

const summaryColumns = {
  id: referrals.id,
  companyName: referrals.companyName,
  status: referrals.status,
  reason: referrals.reason,
  createdAt: referrals.createdAt,
};

/**
 * A participant's referrals, newest first (at most `limit`). For the referrer's own eyes, a decision of
 * the checks shows only once its notice is due (decision-notice.ts); staff see it at once.
 */
export async function referralsOfParticipant(
  db: Db,
  participantId: string,
  limit: number,
  seenBy: "staff" | "referrer" = "staff",
): Promise<ReferralSummary[]> {
  const columns =
    seenBy === "referrer"
      ? { ...summaryColumns, status: shownStatusSql, reason: shownReasonSql }
      : summaryColumns;
  return db
    .select(columns)
    .from(referrals)
    .where(eq(referrals.participantId, participantId))
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(limit);
}

/** Whether `referralId` is one of the participant's own referrals. */
export async function isParticipantReferral(
  db: Db,
  participantId: string,
  referralId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.id, referralId), eq(referrals.participantId, participantId)));
  return row !== undefined;
}

/** The organization's referrals among `ids`, by id (another organization's are absent). */
export async function referralSummariesByIds(
  db: Db,
  scope: OrganizationScope,
  ids: (string | null)[],
): Promise<Map<string, ReferralSummary>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select(summaryColumns)
    .from(referrals)
    .where(and(eq(referrals.organizationId, scope.organizationId), inArray(referrals.id, wanted)));
  return new Map(rows.map((row) => [row.id, row]));
}
