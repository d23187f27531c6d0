// POST /api/public/programs/:slug/referrals and the landing form: one referral, in one transaction.
import { randomUUID } from "node:crypto";
import { and, count, eq, gte, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { AppContext } from "../../platform/context.js";
import { hashToken, newSecretToken } from "../../platform/crypto/tokens.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { Invalid, TooManyRequests } from "../../platform/http/errors.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmail } from "../../platform/mail/outbox.js";
import { consentRecords, upsertParticipant } from "../participants/index.js";
import { getProgramBySlugOrThrow, isProgramRunning, type Program } from "../programs/index.js";
import { findEarlierReferralOfCompany, lockCompany } from "./company-match.js";
import { contactNoticeEmail } from "./emails/contact-notice-email.js";
import { referralChecksJob } from "./run-checks.js";
import { contactConfirmations, referralEvents, referrals } from "./schema.js";
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
 * Stores an accepted referral with its consent records, the contact's notice e-mail and the job that
 * runs the automatic checks. The answer is the same whatever the registries or earlier referrals hold
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
    await noticeContact(ctx, tx, program, { referralId, input });
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
  // "Today" in the program's time zone, as a referrer would count it.
  const startOfDay = sql`(${todayIn(program.timeZone)}::date::timestamp at time zone ${program.timeZone})`;
  const [byReferrer] = await tx
    .select({ n: count() })
    .from(referrals)
    .where(and(eq(referrals.participantId, participantId), gte(referrals.createdAt, startOfDay)));
  if ((byReferrer?.n ?? 0) >= program.dailyReferralLimitPerReferrer) {
    throw new TooManyRequests(
      "daily_limit_reached",
      `At most ${program.dailyReferralLimitPerReferrer} referrals a day.`,
    );
  }
  if (!ip) return;
  const [byIp] = await tx
    .select({ n: count() })
    .from(referrals)
    .where(
      and(
        eq(referrals.programId, program.id),
        eq(referrals.submittedIp, ip),
        gte(referrals.createdAt, startOfDay),
      ),
    );
  if ((byIp?.n ?? 0) >= program.dailyReferralLimitPerIp) {
    throw new TooManyRequests("daily_limit_reached", "Too many referrals from this network today.");
  }
}

async function noticeContact(
  ctx: AppContext,
  tx: Db,
  program: Program,
  { referralId, input }: { referralId: string; input: TReferralSubmission },
) {
  const token = newSecretToken();
  await tx
    .insert(contactConfirmations)
    .values({ referralId, programId: program.id, tokenHash: hashToken(token) });
  await enqueueEmail(tx, ctx, {
    template: contactNoticeEmail,
    data: {
      contactName: input.contactName,
      referrerName: input.referrerName,
      companyName: input.companyName,
      programName: program.name,
      confirmUrl: `${ctx.config.appUrl}/c/${token}`,
    },
    to: input.contactEmail,
    locale: resolveLocale(program.defaultLocale),
    brand: program.name,
    organizationId: program.organizationId,
    programId: program.id,
  });
}
