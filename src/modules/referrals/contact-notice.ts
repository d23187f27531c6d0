// Tells the referred contact who referred them (LGPD; seed policy: "A empresa indicada será informada
// quanto ao nome do cliente que a indicou"), with a link to confirm or object. Only a referral the
// automatic checks let through (issue: a contact was asked to confirm a disqualified referral), and
// only after the program's delay, as the checks' decisions: a notice that arrived within a second of
// passing would tell anyone who gave their own address as the contact's that the company is not a
// customer (the registry oracle, decision-notice.ts). A referral staff disqualified meanwhile is never
// sent. Scheduled by the checks job in its transaction, so the submission stays short.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import { hashToken, newSecretToken } from "../../platform/crypto/tokens.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { defineJob, type JobOutcome } from "../../platform/jobs/job.js";
import { enqueueEmail } from "../../platform/mail/outbox.js";
import { participantWithProgram } from "../participants/index.js";
import { noticeDueAt } from "./decision-notice.js";
import { contactNoticeEmail } from "./emails/contact-notice-email.js";
import { contactConfirmations, type Referral, referrals } from "./schema.js";

export const contactNoticeJob = defineJob("referrals.contact-notice", z.object({ referralId: z.uuid() }));

export async function scheduleContactNotice(deps: Pick<AppContext, "jobs">, tx: Db, referral: Referral) {
  await deps.jobs.enqueue(
    tx,
    contactNoticeJob,
    { referralId: referral.id },
    { startAfter: await noticeDueAt(tx, referral.programId) },
  );
}

/** Once per referral: the confirmation row, unique per referral, is written with the e-mail. */
export function createContactNoticeHandler(ctx: AppContext) {
  return (payload: z.infer<typeof contactNoticeJob.payload>): Promise<JobOutcome> =>
    inTransaction(ctx.db, async (tx) => {
      const [referral] = await tx.select().from(referrals).where(eq(referrals.id, payload.referralId));
      if (!referral) return { status: "skipped", detail: "no such referral" };
      if (referral.status === "not_qualified")
        return { status: "skipped", detail: "ended before the notice" };
      return (await noticeContact(ctx, tx, referral))
        ? { status: "done" }
        : { status: "skipped", detail: "already noticed" };
    });
}

async function noticeContact(ctx: AppContext, tx: Db, referral: Referral): Promise<boolean> {
  const context = await participantWithProgram(tx, referral.participantId);
  if (!context) return false;
  const { participant: referrer, program } = context;
  const token = newSecretToken();
  const inserted = await tx
    .insert(contactConfirmations)
    .values({ referralId: referral.id, programId: referral.programId, tokenHash: hashToken(token) })
    .onConflictDoNothing()
    .returning({ id: contactConfirmations.id });
  if (inserted.length === 0) return false;
  await enqueueEmail(tx, ctx, {
    template: contactNoticeEmail,
    data: {
      contactName: referral.contactName,
      referrerName: referrer.name,
      companyName: referral.companyName,
      programName: program.name,
      confirmUrl: `${ctx.config.appUrl}/c/${token}`,
    },
    to: referral.contactEmail,
    locale: resolveLocale(program.defaultLocale),
    brand: program.name,
    organizationId: program.organizationId,
    programId: program.id,
  });
  return true;
}
