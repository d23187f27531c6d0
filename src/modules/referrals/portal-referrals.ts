// "Minhas Indicações": a referrer's own referrals with the status and reason in the policy's words, and
// their history. Only the signed-in referrer's rows: another referrer's id is a 404, like a missing one.
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../platform/db/client.js";
import { cursorKeys, decodeCursor, pageOf, ZCursor } from "../../platform/db/keyset.js";
import type { ParticipantPrincipal } from "../../platform/http/access.js";
import { NotFound } from "../../platform/http/errors.js";
import { locales } from "../../platform/i18n/locale.js";
import { isDecisionHidden, shownStatusSql } from "./decision-notice.js";
import { referralFields } from "./referral-fields.js";
import { type Referral, referralEvents, referralStatuses, referrals } from "./schema.js";
import { reasonLabel, statusLabel } from "./status-words.js";

const ZWords = z.object({ label: z.string(), meaning: z.string() });
const ZLocalizedWords = z.object({ "pt-BR": ZWords, en: ZWords });

export const ZPortalReferral = z
  .object({
    ...referralFields,
    statusWords: ZLocalizedWords.describe(
      "The status in the policy's words, with what it means, in each language.",
    ),
    reasonWords: ZLocalizedWords.nullable().describe(
      "Null unless the status carries a reason (not qualified, did not advance).",
    ),
    events: z
      .array(
        z.object({
          fromStatus: z.enum(referralStatuses).nullable(),
          toStatus: z.enum(referralStatuses),
          reason: z.string().nullable(),
          createdAt: z.string(),
        }),
      )
      .describe("Oldest first."),
  })
  .meta({ id: "PortalReferral" });
export type TPortalReferral = z.infer<typeof ZPortalReferral>;

export const ZPortalReferralQuery = z.object({
  status: z.enum(referralStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: ZCursor.optional(),
});

const wordsFor = (of: (locale: (typeof locales)[number]) => { label: string; meaning: string }) =>
  Object.fromEntries(locales.map((locale) => [locale, of(locale)])) as z.infer<typeof ZLocalizedWords>;

/** Newest first, keyset on (created_at, id), each page with its events in one more query. */
export async function listPortalReferrals(
  db: Db,
  participant: ParticipantPrincipal,
  query: z.infer<typeof ZPortalReferralQuery>,
) {
  const conditions = [eq(referrals.participantId, participant.participantId)];
  if (query.status) conditions.push(sql`${shownStatusSql} = ${query.status}`);
  if (query.cursor) {
    const after = decodeCursor(query.cursor, cursorKeys.instant);
    conditions.push(
      sql`(${referrals.createdAt}, ${referrals.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(referrals)
    .where(and(...conditions))
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => ({ key: row.createdAt.toISOString(), id: row.id }));
  return { items: await withEvents(db, page.items), nextCursor: page.nextCursor };
}

export async function getPortalReferral(db: Db, participant: ParticipantPrincipal, id: string) {
  const [referral] = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), eq(referrals.participantId, participant.participantId)));
  if (!referral) throw new NotFound("referral_not_found", "No such referral.");
  const [item] = await withEvents(db, [referral]);
  return item!;
}

/** Counts by status for the portal's home. */
export async function countPortalReferrals(db: Db, participant: ParticipantPrincipal) {
  const rows = await db
    .select({ status: shownStatusSql, n: count() })
    .from(referrals)
    .where(eq(referrals.participantId, participant.participantId))
    .groupBy(shownStatusSql);
  const counts = Object.fromEntries(referralStatuses.map((s) => [s, 0])) as Record<
    (typeof referralStatuses)[number],
    number
  >;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

async function withEvents(db: Db, rows: Referral[]): Promise<TPortalReferral[]> {
  const events =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(referralEvents)
          .where(
            inArray(
              referralEvents.referralId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(referralEvents.id));
  return rows.map((row) => {
    // The checks' decision shows once its notice is due (decision-notice.ts): until then, as before it.
    const isHidden = isDecisionHidden(row);
    const status = isHidden ? "in_progress" : row.status;
    const reason = isHidden ? null : row.reason;
    const shownEvents = events.filter(
      (e) => e.referralId === row.id && !(isHidden && e.actorKind === "system" && e.fromStatus !== null),
    );
    return {
      id: row.id,
      status,
      reason,
      companyName: row.companyName,
      companyCnpj: row.companyCnpj,
      contactName: row.contactName,
      createdAt: row.createdAt.toISOString(),
      updatedAt: (isHidden ? (shownEvents.at(-1)?.createdAt ?? row.createdAt) : row.updatedAt).toISOString(),
      statusWords: wordsFor((locale) => statusLabel(status, locale)),
      reasonWords: reason ? wordsFor((locale) => reasonLabel(reason, locale)) : null,
      // Staff notes and who moved it stay inside the company: the referrer sees what happened and when.
      events: shownEvents.map((e) => ({
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        reason: e.reason,
        createdAt: e.createdAt.toISOString(),
      })),
    };
  });
}
