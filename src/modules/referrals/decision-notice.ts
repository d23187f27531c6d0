// Notices of the automatic checks' decisions (already a customer, ex-customer within the cooldown,
// partner customer, in the pipeline, already referred) wait the program's delay and go only to an
// address the referrer proved (issue: registry oracle): otherwise anyone could type any address into the
// form and learn within a second whether a company is a customer. Staff see the decision at once.
//
// The notice is a job scheduled in the deciding transaction (it survives restarts: jobs are rows) and
// names the referral's version after the decision. If the referral moved again before the notice is
// due (sales reopened or moved it), the notice is dropped, not sent late: that later move told the
// referrer at once of where the referral now stands, and an older decision would contradict it.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { defineJob, type JobOutcome } from "../../platform/jobs/job.js";
import { getProgramByIdOrThrow } from "../programs/index.js";
import { notifyReferrerOfMove } from "./move-notice.js";
import { type Referral, type ReferralStatus, referrals } from "./schema.js";

export const decisionNoticeJob = defineJob(
  "referrals.decision-notice",
  z.object({ referralId: z.uuid(), version: z.number().int() }),
);

/** When a notice of the checks' outcome is due: the program's delay from now. */
export async function noticeDueAt(tx: Db, programId: string): Promise<Date> {
  const program = await getProgramByIdOrThrow(tx, programId);
  return new Date(Date.now() + program.automaticDecisionNoticeDelayHours * 3_600_000);
}

export async function scheduleDecisionNotice(deps: Pick<AppContext, "jobs">, tx: Db, decided: Referral) {
  const dueAt = await noticeDueAt(tx, decided.programId);
  await tx.update(referrals).set({ decisionNoticeDueAt: dueAt }).where(eq(referrals.id, decided.id));
  await deps.jobs.enqueue(
    tx,
    decisionNoticeJob,
    { referralId: decided.id, version: decided.version },
    { startAfter: dueAt },
  );
}

/**
 * Exactly once: the UPDATE that clears the due time is the check (a second run, or a second worker,
 * finds it cleared), and it matches only the decided version (a referral moved since is left alone).
 */
export function createDecisionNoticeHandler(ctx: AppContext) {
  return (payload: z.infer<typeof decisionNoticeJob.payload>): Promise<JobOutcome> =>
    inTransaction(ctx.db, async (tx) => {
      const [referral] = await tx
        .update(referrals)
        .set({ decisionNoticeDueAt: null })
        .where(
          and(
            eq(referrals.id, payload.referralId),
            eq(referrals.version, payload.version),
            isNotNull(referrals.decisionNoticeDueAt),
          ),
        )
        .returning();
      if (!referral) return { status: "skipped", detail: "moved again, or already settled" };
      const sent = await notifyReferrerOfMove(ctx, tx, referral, { onlyToVerifiedAddress: true });
      return sent ? { status: "done" } : { status: "skipped", detail: "address not verified or mail off" };
    });
}

/**
 * The status and reason the referrer is shown: as before the checks' decision while its notice is not
 * due (the checks move only an `in_progress` referral), the real ones otherwise.
 */
export const shownStatusSql = sql<ReferralStatus>`(case when ${referrals.decisionNoticeDueAt} > now()
  then 'in_progress'::referral_status else ${referrals.status} end)`;
export const shownReasonSql = sql<string | null>`(case when ${referrals.decisionNoticeDueAt} > now()
  then null else ${referrals.reason} end)`;

export function isDecisionHidden(referral: Pick<Referral, "decisionNoticeDueAt">, now = new Date()): boolean {
  return referral.decisionNoticeDueAt !== null && referral.decisionNoticeDueAt > now;
}
