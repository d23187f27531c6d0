// The monthly status e-mail, composed into the outbox. Referrers are walked a batch at a time in id
// order (memory stays flat whatever their number); each batch claims its (referrer, month) rows and
// writes its e-mails in one transaction, so a second run, or a run on another worker at the same moment,
// writes no second e-mail: the unique (participant, month) decides, not the process.
import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { rowsOf } from "../../platform/db/raw-sql.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmailBatch } from "../../platform/mail/outbox.js";
import { type Participant, participants } from "../participants/index.js";
import { type Program, programs } from "../programs/index.js";
import { referrals } from "../referrals/index.js";
import { type DigestReferral, monthlyDigestEmail } from "./digest-email.js";
import { monthlyDigests } from "./schema.js";

export const DIGEST_BATCH_SIZE = 500;
const WRITES_IN_FLIGHT = 3;

export type DigestProgress = { programId: string; composed: number; skipped: number };
export type DigestTotals = { composed: number; skipped: number };

type Deps = Pick<AppContext, "db" | "jobs" | "mail" | "config">;

/** Every program's digest for `month` (YYYY-MM). */
export async function composeMonthlyDigests(
  deps: Deps,
  month: string,
  onProgress?: (progress: DigestProgress) => void,
): Promise<DigestTotals> {
  const totals: DigestTotals = { composed: 0, skipped: 0 };
  for (const program of await deps.db.select().from(programs).orderBy(asc(programs.createdAt))) {
    // Progress counts across programs, so a caller sees one growing total.
    const result = await composeProgramDigest(deps, program, month, (p) =>
      onProgress?.({ ...p, composed: totals.composed + p.composed, skipped: totals.skipped + p.skipped }),
    );
    totals.composed += result.composed;
    totals.skipped += result.skipped;
  }
  return totals;
}

/** The first instant of `month` and of the month after, in the program's time zone. */
async function monthBounds(deps: Deps, month: string, timeZone: string) {
  const result = await deps.db.execute(sql`select
      (${`${month}-01`}::date::timestamp at time zone ${timeZone}) as "start",
      ((${`${month}-01`}::date + interval '1 month')::timestamp at time zone ${timeZone}) as "end"`);
  const [row] = rowsOf<{ start: string | Date; end: string | Date }>(result);
  return { start: new Date(row!.start), end: new Date(row!.end) };
}

export async function composeProgramDigest(
  deps: Deps,
  program: Program,
  month: string,
  onProgress?: (progress: DigestProgress) => void,
): Promise<DigestTotals> {
  const { start, end } = await monthBounds(deps, month, program.timeZone);
  const totals: DigestTotals = { composed: 0, skipped: 0 };
  // Selecting the next batch is cheap; composing and writing one waits on the database. A few batches
  // are written at once (disjoint id ranges, each in its own transaction), so neither side idles;
  // memory stays bounded by WRITES_IN_FLIGHT batches.
  const inFlight = new Set<Promise<void>>();
  let after: string | null = null;
  try {
    for (;;) {
      const batch = await nextReferrers(deps, program, month, end, after);
      if (batch.length === 0) break;
      after = batch.at(-1)!.id;
      const written: Promise<void> = composeBatch(deps, program, month, start, end, batch)
        .then((composed) => {
          totals.composed += composed;
          totals.skipped += batch.length - composed;
          onProgress?.({ programId: program.id, composed: totals.composed, skipped: totals.skipped });
        })
        .finally(() => inFlight.delete(written));
      inFlight.add(written);
      if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (error) {
    // Batches already written stay written (each committed on its own); a re-run composes the rest.
    await Promise.allSettled(inFlight);
    throw error;
  }
  return totals;
}

/** Active referrers who want the digest, have a referral by the month's end, and have none yet. */
async function nextReferrers(deps: Deps, program: Program, month: string, end: Date, after: string | null) {
  return deps.db
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.programId, program.id),
        after ? gt(participants.id, after) : undefined,
        eq(participants.status, "active"),
        eq(participants.wantsMonthlyDigest, true),
        sql`exists (select 1 from ${referrals} where ${referrals.participantId} = ${participants.id} and ${referrals.createdAt} < ${end})`,
        sql`not exists (select 1 from ${monthlyDigests} where ${monthlyDigests.participantId} = ${participants.id} and ${monthlyDigests.month} = ${month})`,
        sql`not exists (select 1 from email_suppressions s where s.program_id = ${program.id} and s.email = ${participants.email})`,
      ),
    )
    .orderBy(asc(participants.id))
    .limit(DIGEST_BATCH_SIZE);
}

async function composeBatch(
  deps: Deps,
  program: Program,
  month: string,
  start: Date,
  end: Date,
  batch: Participant[],
): Promise<number> {
  const rows = await deps.db
    .select({
      participantId: referrals.participantId,
      companyName: referrals.companyName,
      status: referrals.status,
      reason: referrals.reason,
      createdAt: referrals.createdAt,
    })
    .from(referrals)
    .where(
      and(
        inArray(
          referrals.participantId,
          batch.map((p) => p.id),
        ),
        lt(referrals.createdAt, end),
      ),
    )
    .orderBy(asc(referrals.participantId), asc(referrals.createdAt));
  const byParticipant = new Map<string, DigestReferral[]>();
  const dateIn = new Intl.DateTimeFormat("en-CA", { timeZone: program.timeZone });
  for (const row of rows) {
    const list = byParticipant.get(row.participantId) ?? [];
    list.push({ ...row, createdOn: dateIn.format(row.createdAt) });
    byParticipant.set(row.participantId, list);
  }
  const planned = batch
    .filter((p) => byParticipant.has(p.id))
    .map((participant) => ({ participant, outboxId: randomUUID() }));
  if (planned.length === 0) return 0;
  return inTransaction(deps.db, async (tx) => {
    // One JSON parameter for the batch (see insertOutboxRows); the unique (participant, month) decides.
    const claims = planned.map(({ participant, outboxId }) => ({
      participant_id: participant.id,
      referral_count: byParticipant.get(participant.id)!.length,
      outbox_id: outboxId,
    }));
    const claimed = rowsOf<{ participantId: string }>(
      await tx.execute(sql`
        insert into ${monthlyDigests} (organization_id, program_id, participant_id, month, referral_count, outbox_id)
        select ${program.organizationId}::uuid, ${program.id}::uuid, participant_id, ${month}, referral_count, outbox_id
        from json_to_recordset(${JSON.stringify(claims)}::json) as c(participant_id uuid, referral_count int, outbox_id uuid)
        on conflict (participant_id, month) do nothing
        returning participant_id as "participantId"`),
    );
    const claimedIds = new Set(claimed.map((row) => row.participantId));
    const portalUrl = `${deps.config.appUrl}/portal/referrals`;
    await enqueueEmailBatch(
      tx,
      deps,
      program.id,
      planned
        .filter(({ participant }) => claimedIds.has(participant.id))
        .map(({ participant, outboxId }) => {
          const locale = resolveLocale(participant.locale);
          return {
            outboxId,
            template: monthlyDigestEmail,
            data: {
              referrerName: participant.name,
              programName: program.name,
              monthName: monthName(start, program.timeZone, locale),
              referrals: byParticipant.get(participant.id)!,
              portalUrl,
            },
            to: participant.email,
            locale,
            brand: program.name,
            organizationId: program.organizationId,
            participantId: participant.id,
          };
        }),
    );
    return claimedIds.size;
  });
}

const monthNames = new Map<string, string>();
function monthName(start: Date, timeZone: string, locale: string): string {
  const key = `${start.toISOString()}|${timeZone}|${locale}`;
  let name = monthNames.get(key);
  if (!name) {
    name = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone }).format(start);
    monthNames.set(key, name);
  }
  return name;
}
