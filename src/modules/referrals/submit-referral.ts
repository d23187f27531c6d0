// POST /api/public/programs/:slug/referrals and the landing form: one referral, written with the other
// submissions this process received meanwhile (group commit, see intake-batcher.ts).
import type { AppContext } from "../../platform/context.js";
import { IntakeBatcher } from "./intake-batcher.js";
import { IntakePrograms } from "./intake-programs.js";
import type { TReferralSubmission } from "./referral-input.js";
import {
  type IntakeSubmission,
  type SubmissionClient,
  type SubmissionResult,
  storeIntakeBatch,
} from "./store-intake-batch.js";

export type { SubmissionClient } from "./store-intake-batch.js";

/** One batcher per process and database: a second app context (a test's second "process") has its own. */
const batchers = new WeakMap<AppContext, IntakeBatcher<IntakeSubmission, SubmissionResult>>();

/** Up to this many submissions share a transaction (and each of its statements' JSON parameter). */
const MAX_BATCH_SIZE = 64;

function batcherFor(ctx: AppContext) {
  let batcher = batchers.get(ctx);
  if (!batcher) {
    const programs = new IntakePrograms();
    batcher = new IntakeBatcher((submissions) => storeIntakeBatch(ctx, programs, submissions), {
      // PGlite runs one transaction at a time; on PostgreSQL, one batch fills while another commits.
      maxInFlight: ctx.database.engine === "pglite" ? 1 : 2,
      maxBatchSize: MAX_BATCH_SIZE,
    });
    batchers.set(ctx, batcher);
  }
  return batcher;
}

/**
 * Stores an accepted referral with its consent records and the job that runs the automatic checks (and
 * then tells the contact). The answer is the same whatever the registries or earlier referrals hold
 * (no oracle): the verdict is applied by the checks job.
 */
export function submitReferral(
  ctx: AppContext,
  programSlug: string,
  input: TReferralSubmission,
  client: SubmissionClient,
): Promise<SubmissionResult> {
  return batcherFor(ctx).submit({ programSlug, input, client });
}
