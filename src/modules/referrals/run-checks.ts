// The automatic checks, run as a job once the submission has committed: registry matches, the first
// referrer rule, fraud signals. Findings are recorded for sales; the first disqualifying one moves the
// referral to not_qualified by the system, and only a referral they let through reaches the contact.
// What an unproven address hears does not depend on the verdict (referrer-acknowledgement.ts). Safe to
// run twice: a referral is checked once.
import { and, count, eq, gte, ne } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { defineJob, type JobOutcome } from "../../platform/jobs/job.js";
import { emailDomain, isDisposableDomain } from "../../shared/email.js";
import { participantsOfRows } from "../participants/index.js";
import { getProgramByIdOrThrow } from "../programs/index.js";
import { findCustomerMatch, findPartnerCustomerMatch, findPipelineMatch } from "../registries/index.js";
import { scheduleContactNotice } from "./contact-notice.js";
import { type DisqualificationReason, moveReferral } from "./lifecycle.js";
import { acknowledgeUnverifiedReferrer } from "./referrer-acknowledgement.js";
import { type Referral, referralFindings, referrals } from "./schema.js";

/** The most referrals one checks job takes: an intake batch's (see submit-referral.ts), with room. */
const MAX_REFERRALS_PER_JOB = 100;

// One job per intake batch, not per referral: a job row costs about as much to write as a referral's
// consent records. Short, database-bound and independent (first-referrer-wins is the database's): several
// at once per worker, so a burst of submissions does not wait on one job's latency at a time. A job
// written before jobs took a list names one referral.
export const referralChecksJob = defineJob(
  "referrals.run-checks",
  z.union([
    z.object({ referralIds: z.array(z.uuid()).min(1).max(MAX_REFERRALS_PER_JOB) }),
    z.object({ referralId: z.uuid() }),
  ]),
  { concurrency: 4 },
);
type ChecksPayload = z.infer<typeof referralChecksJob.payload>;

type Finding = { kind: string; detail: Record<string, unknown>; disqualifies?: DisqualificationReason };

/** Many submissions in a short time from one place are worth a look, not a refusal. */
const BURST_WINDOW_MS = 60 * 60 * 1000;
const BURST_THRESHOLD = 5;

/**
 * Checks each referral in its own transaction. One that fails does not hold back the others: the job
 * fails after trying them all, and its retry skips the ones already checked.
 */
export function createReferralChecksHandler(ctx: AppContext) {
  return async (payload: ChecksPayload): Promise<JobOutcome> => {
    if ("referralId" in payload) return checkReferral(ctx, payload.referralId);
    const outcomes: JobOutcome[] = [];
    let failure: unknown;
    for (const referralId of payload.referralIds) {
      try {
        outcomes.push(await checkReferral(ctx, referralId));
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) throw failure;
    if (outcomes.length === 1) return outcomes[0]!;
    const details = outcomes.map((o) => o.detail ?? o.status);
    const counted = [...new Set(details)].map((d) => `${details.filter((x) => x === d).length}× ${d}`);
    return { status: "done", detail: counted.join("; ").slice(0, 500) };
  };
}

function checkReferral(ctx: AppContext, referralId: string): Promise<JobOutcome> {
  return inTransaction(ctx.db, async (tx) => {
    const [referral] = await tx.select().from(referrals).where(eq(referrals.id, referralId)).for("update");
    if (!referral) return { status: "skipped", detail: "no such referral" };
    if (referral.checksCompletedAt) return { status: "skipped", detail: "already checked" };
    const findings = [...(await registryFindings(tx, referral)), ...(await fraudFindings(tx, referral))];
    if (findings.length > 0) {
      await tx
        .insert(referralFindings)
        .values(findings.map((f) => ({ referralId, kind: f.kind, detail: f.detail })))
        .onConflictDoNothing();
    }
    await tx.update(referrals).set({ checksCompletedAt: new Date() }).where(eq(referrals.id, referralId));
    await acknowledgeUnverifiedReferrer(ctx, tx, referral);
    const verdict = findings.find((f) => f.disqualifies);
    if (!verdict) {
      await scheduleContactNotice(ctx, tx, referral);
      return { status: "done", detail: `${findings.length} findings` };
    }
    if (referral.status === "in_progress") {
      await moveReferral(ctx, tx, referral, {
        to: "not_qualified",
        reason: verdict.disqualifies,
        actor: { kind: "system" },
      });
    }
    return { status: "done", detail: `not_qualified/${verdict.disqualifies}` };
  });
}

/** In the order the policy weighs them: the first disqualifying finding is the reason given. */
async function registryFindings(tx: Db, referral: Referral): Promise<Finding[]> {
  const findings: Finding[] = [];
  if (referral.duplicateOfId) {
    findings.push({
      kind: "already_referred",
      detail: { winnerId: referral.duplicateOfId },
      disqualifies: "already_referred",
    });
  }
  const scope = { organizationId: referral.organizationId };
  const keys = {
    cnpjRoot: referral.companyCnpjRoot,
    domain: referral.contactCorporateDomain,
    nameNormalized: referral.companyNameNormalized,
    email: referral.contactEmail,
  };
  const customer = await findCustomerMatch(tx, scope, keys);
  if (customer?.status === "active") {
    findings.push({
      kind: "active_customer",
      detail: { entryKey: customer.entryKey },
      disqualifies: "already_customer",
    });
  } else if (customer?.status === "churned") {
    const isRecent =
      customer.churnedOn !== null && (await churnedWithinCooldown(tx, referral, customer.churnedOn));
    findings.push({
      kind: isRecent ? "former_customer_recent" : "former_customer",
      detail: { entryKey: customer.entryKey, churnedOn: customer.churnedOn },
      disqualifies: isRecent ? "former_customer_recent" : undefined,
    });
  }
  const partner = await findPartnerCustomerMatch(tx, scope, keys);
  if (partner) {
    findings.push({
      kind: "partner_customer",
      detail: { entryKey: partner.entryKey },
      disqualifies: "partner_program_customer",
    });
  }
  const pipeline = await findPipelineMatch(tx, scope, keys);
  if (pipeline) {
    // Only a lead that was in the funnel before the referral disqualifies it (policy).
    const isBefore = pipeline.enteredOn < referral.createdAt.toISOString().slice(0, 10);
    findings.push({
      kind: isBefore ? "in_pipeline_before" : "in_pipeline_after",
      detail: { entryKey: pipeline.entryKey, enteredOn: pipeline.enteredOn },
      disqualifies: isBefore ? "already_in_funnel" : undefined,
    });
  }
  return findings;
}

async function churnedWithinCooldown(tx: Db, referral: Referral, churnedOn: string): Promise<boolean> {
  const program = await getProgramByIdOrThrow(tx, referral.programId);
  const months = program.exCustomerCooldownMonths;
  const limit = new Date(referral.createdAt);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return churnedOn >= limit.toISOString().slice(0, 10);
}

async function fraudFindings(tx: Db, referral: Referral): Promise<Finding[]> {
  const findings: Finding[] = [];
  const since = new Date(referral.createdAt.getTime() - BURST_WINDOW_MS);
  const [byReferrer] = await tx
    .select({ n: count() })
    .from(referrals)
    .where(
      and(
        eq(referrals.participantId, referral.participantId),
        gte(referrals.createdAt, since),
        ne(referrals.id, referral.id),
      ),
    );
  if ((byReferrer?.n ?? 0) >= BURST_THRESHOLD)
    findings.push({ kind: "burst_from_referrer", detail: { lastHour: byReferrer!.n + 1 } });
  if (referral.submittedIp) {
    const [byIp] = await tx
      .select({ n: count() })
      .from(referrals)
      .where(
        and(
          eq(referrals.submittedIp, referral.submittedIp),
          gte(referrals.createdAt, since),
          ne(referrals.id, referral.id),
        ),
      );
    if ((byIp?.n ?? 0) >= BURST_THRESHOLD)
      findings.push({ kind: "burst_from_ip", detail: { lastHour: byIp!.n + 1 } });
  }
  const referrer = (await participantsOfRows(tx, [referral.participantId])).get(referral.participantId);
  for (const [who, email] of [
    ["contact", referral.contactEmail],
    ["referrer", referrer?.email ?? ""],
  ] as const) {
    if (email && isDisposableDomain(emailDomain(email)))
      findings.push({ kind: `disposable_${who}_email`, detail: { email } });
  }
  return findings;
}
