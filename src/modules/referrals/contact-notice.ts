// Tells the referred contact who referred them (LGPD; seed policy: "A empresa indicada será informada
// quanto ao nome do cliente que a indicou"), with a link to confirm or object. Sent by the checks job,
// not the request: the submission stays short, and the job runs once per referral.
import type { AppContext } from "../../platform/context.js";
import { hashToken, newSecretToken } from "../../platform/crypto/tokens.js";
import type { Db } from "../../platform/db/client.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmail } from "../../platform/mail/outbox.js";
import { participantWithProgram } from "../participants/index.js";
import { contactNoticeEmail } from "./emails/contact-notice-email.js";
import { contactConfirmations, type Referral } from "./schema.js";

export async function noticeContact(ctx: AppContext, tx: Db, referral: Referral): Promise<void> {
  const context = await participantWithProgram(tx, referral.participantId);
  if (!context) return;
  const { participant: referrer, program } = context;
  const token = newSecretToken();
  const inserted = await tx
    .insert(contactConfirmations)
    .values({ referralId: referral.id, programId: referral.programId, tokenHash: hashToken(token) })
    .onConflictDoNothing()
    .returning({ id: contactConfirmations.id });
  if (inserted.length === 0) return; // already noticed
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
}
