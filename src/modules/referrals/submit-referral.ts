// POST /api/public/programs/:slug/referrals and the landing form: one referral, written with the other
// submissions this process received meanwhile (group commit, see intake-batcher.ts).
import type { AppContext } from "../../platform/context.js";
import { Invalid, NotFound } from "../../platform/http/errors.js";
import { todayIn } from "../../shared/today.js";
import { getProgramBySlugOrThrow } from "../programs/index.js";
import { IntakeBatcher } from "./intake-batcher.js";
import { IntakePrograms } from "./intake-programs.js";
import { referralSubmissionErrors, type TReferralSubmission } from "./referral-input.js";
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

/**
 * The refusal of a body the schema did not accept, naming every field at once: the program's rules
 * (minimum age, self-referral) are checked on the fields that are valid. Null for an unknown program:
 * the schema's own answer stands.
 */
export async function refusalOfInvalidSubmission(
  ctx: AppContext,
  programSlug: string,
  raw: unknown,
): Promise<Invalid | null> {
  const program = await getProgramBySlugOrThrow(ctx.db, programSlug).catch((error: unknown) => {
    if (error instanceof NotFound) return null;
    throw error;
  });
  if (!program) return null;
  return new Invalid(
    referralSubmissionErrors(raw, { minimumAge: program.minimumAge, today: todayIn(program.timeZone) }),
  );
}
