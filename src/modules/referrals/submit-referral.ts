// POST /api/public/programs/:slug/referrals and the landing form: one referral, in one transaction.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { rowsOf } from "../../platform/db/raw-sql.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { Invalid, TooManyRequests } from "../../platform/http/errors.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { consentRecords, upsertParticipant } from "../participants/index.js";
import { getProgramBySlugOrThrow, isProgramRunning, type Program } from "../programs/index.js";
import { findEarlierReferralOfCompany, lockCompany } from "./company-match.js";
import { referralChecksJob } from "./run-checks.js";
import { referralEvents, referrals } from "./schema.js";
import {
  cnpjRoot,
  corporateDomain,
  normalizeCompanyName,
  referralFieldRules,
  type TReferralSubmission,
  todayIn,
} from "./validation/index.js";

export type SubmissionClient = { ip?: string; userAgent?: string; locale?: string };

/**
 * Stores an accepted referral with its consent records and the job that runs the automatic checks (and
 * then tells the contact). The answer is the same whatever the registries or earlier referrals hold
 * (no oracle): the verdict is applied by the checks job.
 */
export async function submitReferral(
  ctx: AppContext,
  programSlug: string,
  input: TReferralSubmission,
  client: SubmissionClient,
): Promise<{ id: string; status: "in_progress" }> {
  const program = await getProgramBySlugOrThrow(ctx.db, programSlug);
  throwIfProgramClosed(program);
  const fieldErrors = referralFieldRules(input, {
    minimumAge: program.minimumAge,
    today: todayIn(program.timeZone),
  });
  if (Object.keys(fieldErrors).length > 0) throw new Invalid(fieldErrors);
  const scope = { organizationId: program.organizationId, programId: program.id };

  // The honeypot: a field people never see. Bots fill it; they get the usual answer and nothing is stored.
  if (input.website) {
    await recordAudit(ctx.db, {
      ...scope,
      actorKind: "anonymous",
      action: "referral.honeypot",
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { id: randomUUID(), status: "in_progress" };
  }

  return inTransaction(ctx.db, async (tx) => {
    // The upsert locks the referrer's row until commit: their submissions are counted one at a time.
    const participant = await upsertParticipant(tx, scope, {
      email: input.referrerEmail,
      name: input.referrerName,
      phone: input.referrerPhone,
      birthDate: input.referrerBirthDate,
      isCustomer: input.referrerIsCustomer,
      locale: resolveLocale(client.locale),
    });
    await throwIfOverDailyLimits(tx, program, participant.id, client.ip);

    const company = {
      cnpjRoot: input.companyCnpj ? cnpjRoot(input.companyCnpj) : null,
      corporateDomain: corporateDomain(input.contactEmail),
      nameNormalized: normalizeCompanyName(input.companyName),
    };
    await lockCompany(tx, program.id, company);
    const earlier = await findEarlierReferralOfCompany(tx, program.id, company);

    const [referral] = await tx
      .insert(referrals)
      .values({
        ...scope,
        participantId: participant.id,
        companyName: input.companyName,
        companyNameNormalized: company.nameNormalized,
        companyCnpj: input.companyCnpj,
        companyCnpjRoot: company.cnpjRoot,
        contactCorporateDomain: company.corporateDomain,
        contactName: input.contactName,
        contactRole: input.contactRole,
        contactDepartment: input.contactDepartment,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone,
        companySize: input.companySize,
        supportAgents: input.supportAgents ?? null,
        notes: input.notes ?? null,
        referrerIsCustomer: input.referrerIsCustomer,
        duplicateOfId: earlier?.id ?? null,
        submittedIp: client.ip ?? null,
      })
      .returning();
    const referralId = referral!.id;
    await tx
      .insert(referralEvents)
      .values({ referralId, programId: program.id, toStatus: "in_progress", actorKind: "system" });
    await tx.insert(consentRecords).values(
      (["terms", "contact_aware", "no_purchased_data"] as const).map((kind) => ({
        participantId: participant.id,
        programId: program.id,
        referralId,
        kind,
        termsVersion: program.termsVersion,
        ip: client.ip ?? null,
        userAgent: client.userAgent?.slice(0, 512) ?? null,
      })),
    );
    await ctx.jobs.enqueue(tx, referralChecksJob, { referralId });
    await recordAudit(tx, {
      ...scope,
      actorKind: "participant",
      actorId: participant.id,
      action: "referral.submitted",
      subjectType: "referral",
      subjectId: referralId,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { id: referralId, status: "in_progress" as const };
  });
}

function throwIfProgramClosed(program: Program) {
  if (!isProgramRunning(program)) {
    throw new Invalid({}, "This program is not accepting referrals now.", "program_not_running");
  }
}

async function throwIfOverDailyLimits(
  tx: Db,
  program: Program,
  participantId: string,
  ip: string | undefined,
) {
  // "Today" in the program's time zone, as a referrer would count it. Both counts in one round trip,
  // each on its own index (referrer and date; client address and date).
  const startOfDay = sql`(${todayIn(program.timeZone)}::date::timestamp at time zone ${program.timeZone})`;
  const byReferrer = sql<number>`(select count(*)::int from ${referrals} where ${referrals.participantId} = ${participantId} and ${referrals.createdAt} >= ${startOfDay})`;
  const byIp = ip
    ? sql<number>`(select count(*)::int from ${referrals} where ${referrals.submittedIp} = ${ip} and ${referrals.programId} = ${program.id} and ${referrals.createdAt} >= ${startOfDay})`
    : sql<number>`0`;
  const result = await tx.execute(sql`select ${byReferrer} as "byReferrer", ${byIp} as "byIp"`);
  const counts = rowsOf<{ byReferrer: number; byIp: number }>(result)[0];
  if ((counts?.byReferrer ?? 0) >= program.dailyReferralLimitPerReferrer) {
    throw new TooManyRequests(
      "daily_limit_reached",
      `At most ${program.dailyReferralLimitPerReferrer} referrals a day.`,
    );
  }
  if ((counts?.byIp ?? 0) >= program.dailyReferralLimitPerIp) {
    throw new TooManyRequests("daily_limit_reached", "Too many referrals from this network today.");
  }
}
