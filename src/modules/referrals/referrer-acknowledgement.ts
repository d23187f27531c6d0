// After an anonymous referral, an address not yet proven (or a referrer who left) gets one e-mail that
// says the same whatever the checks decide: "recebemos sua indicação; confirme seu e-mail para
// acompanhá-la", with the link that verifies the address (issue: registry oracle; anonymous intake).
// Sent by the checks job for every referral it checks, never depending on the verdict.
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmail } from "../../platform/mail/outbox.js";
import {
  isAddressVerified,
  issueAddressConfirmation,
  participantWithProgram,
} from "../participants/index.js";
import { referralReceivedEmail } from "./emails/referral-received-email.js";
import type { Referral } from "./schema.js";

export async function acknowledgeUnverifiedReferrer(ctx: AppContext, tx: Db, referral: Referral) {
  const row = await participantWithProgram(tx, referral.participantId);
  if (!row) return;
  const { participant, program } = row;
  const hasLeft = participant.status !== "active";
  if (isAddressVerified(participant) && !hasLeft) return;
  const confirmation = await issueAddressConfirmation(tx, ctx.config.appUrl, participant);
  if (!confirmation) return; // one went out within the day
  await enqueueEmail(tx, ctx, {
    template: referralReceivedEmail,
    data: {
      referrerName: participant.name,
      companyName: referral.companyName,
      programName: program.name,
      confirmUrl: confirmation.url,
      validDays: confirmation.validDays,
      hasLeft,
    },
    to: participant.email,
    locale: resolveLocale(participant.locale),
    brand: program.name,
    organizationId: referral.organizationId,
    programId: referral.programId,
    participantId: participant.id,
  });
}
