// The monthly status e-mail, composed into the outbox. Referrers are walked a batch at a time in id
// order (memory stays flat whatever their number); each batch claims its (referrer, month) rows and
// writes its e-mails in one transaction, so a second run, or a run on another worker at the same moment,
// writes no second e-mail: the unique (participant, month) decides, not the process.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { rowsOf } from "../../platform/db/raw-sql.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { type Locale, resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmailBatch } from "../../platform/mail/outbox.js";
import { participantDirectory } from "../participants/read-models.js";
import { listAllPrograms, type Program } from "../programs/index.js";
import { referralDirectory } from "../referrals/read-models.js";
import { type DigestReferral, monthlyDigestEmail } from "./digest-email.js";
import { monthlyDigests } from "./schema.js";

// Measured at 100k referrers: 2000 a batch took about a third less CPU than 1000 (fewer statements
// to plan and commit), 4000 no less than 2000; memory stays a few MB per batch.
export const DIGEST_BATCH_SIZE = 2000;
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
  for (const program of await listAllPrograms(deps.db)) {
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
  // The next batch is selected while earlier ones are written: a few batches at once (disjoint id
  // ranges, each in its own transaction), so neither this process nor the database idles; memory stays
  // bounded by WRITES_IN_FLIGHT batches.
  const inFlight = new Set<Promise<void>>();
  let after: string | null = null;
  try {
    for (;;) {
      const batch = await nextRecipients(deps, program, month, end, after);
      if (batch.length === 0) break;
      after = batch.at(-1)!.id;
      const written: Promise<void> = composeBatch(deps, program, month, start, batch)
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

type DigestRecipient = {
  id: string;
  email: string;
  name: string;
  locale: string | null;
  /** Every referral made before the month's end, oldest first, as the e-mail lists it. */
  referrals: DigestReferral[];
};

/** A referral as the batch query lists it: an array is cheaper for the database to build than an object. */
type ReferralTuple = [DigestReferral["companyName"], DigestReferral["status"], string | null, string];

/**
 * The next batch of active referrers who want the digest, have a referral by the month's end and
 * have none yet, each with their referrals: one query, the list built by the database.
 */
async function nextRecipients(
  deps: Deps,
  program: Program,
  month: string,
  end: Date,
  after: string | null,
): Promise<DigestRecipient[]> {
  const result = await deps.db.execute(sql`
    select p.id, p.email, p.name, p.locale, r.referrals
    from ${participantDirectory} p
    cross join lateral (
      -- The checks' decision shows no sooner than its own notice (referrals' decision-notice.ts).
      select json_agg(json_build_array(company_name,
          case when decision_notice_due_at > now() then 'in_progress' else status::text end,
          case when decision_notice_due_at > now() then null else reason end,
          to_char(created_at at time zone ${program.timeZone}, 'YYYY-MM-DD'))
        order by created_at, id) as referrals
      from ${referralDirectory}
      where participant_id = p.id and created_at < ${end}
    ) r
    where p.program_id = ${program.id} ${after ? sql`and p.id > ${after}` : sql``}
      and p.status = 'active' and p.wants_monthly_digest
      and r.referrals is not null
      and not exists (select 1 from monthly_digests d where d.participant_id = p.id and d.month = ${month})
      and not exists (select 1 from email_suppressions s where s.program_id = p.program_id and s.email = p.email)
    order by p.id
    limit ${DIGEST_BATCH_SIZE}`);
  return rowsOf<Omit<DigestRecipient, "referrals"> & { referrals: ReferralTuple[] }>(result).map((row) => ({
    ...row,
    referrals: row.referrals.map(([companyName, status, reason, createdOn]) => ({
      companyName,
      status,
      reason,
      createdOn,
    })),
  }));
}

async function composeBatch(
  deps: Deps,
  program: Program,
  month: string,
  start: Date,
  batch: DigestRecipient[],
): Promise<number> {
  const planned = batch.map((recipient) => ({ recipient, outboxId: randomUUID() }));
  return inTransaction(deps.db, async (tx) => {
    // One JSON parameter for the batch, not thousands of bind parameters; the unique (participant,
    // month) decides who is claimed.
    const claims = planned.map(({ recipient, outboxId }) => ({
      participant_id: recipient.id,
      referral_count: recipient.referrals.length,
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
    const monthName = monthNames(start, program.timeZone);
    await enqueueEmailBatch(
      tx,
      deps,
      {
        template: monthlyDigestEmail,
        brand: program.name,
        programId: program.id,
        organizationId: program.organizationId,
      },
      planned
        .filter(({ recipient }) => claimedIds.has(recipient.id))
        .map(({ recipient, outboxId }) => {
          const locale = resolveLocale(recipient.locale);
          return {
            outboxId,
            to: recipient.email,
            locale,
            participantId: recipient.id,
            data: {
              referrerName: recipient.name,
              programName: program.name,
              monthName: monthName(locale),
              referrals: recipient.referrals,
              portalUrl,
            },
          };
        }),
    );
    return claimedIds.size;
  });
}

/** The month's name in each locale ("outubro de 2026", "October 2026"), formatted once per batch. */
function monthNames(start: Date, timeZone: string): (locale: Locale) => string {
  const names = new Map<Locale, string>();
  return (locale) => {
    let name = names.get(locale);
    if (!name) {
      name = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone }).format(start);
      names.set(locale, name);
    }
    return name;
  };
}
