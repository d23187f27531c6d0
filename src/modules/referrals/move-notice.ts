// The referrer hears of every status change of their referral as it happens (DESIGN "Status e-mails"),
// automatic ones included: a referral disqualified by the checks is explained, never silent.
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmail } from "../../platform/mail/outbox.js";
import { participantWithProgram } from "../participants/index.js";
import { statusChangedEmail } from "./emails/status-changed-email.js";
import type { Referral } from "./schema.js";

export async function notifyReferrerOfMove(
  deps: Pick<AppContext, "jobs" | "mail" | "config">,
  tx: Db,
  referral: Referral,
): Promise<void> {
  const row = await participantWithProgram(tx, referral.participantId);
  if (!row) return;
  // A referrer who left the program gets no more e-mail (portal "leave the program"), nor one who
  // turned status e-mails off in the portal (the monthly digest still tells them).
  if (row.participant.status !== "active" || !row.participant.wantsStatusEmails) return;
  const { participant, program } = row;
  await enqueueEmail(tx, deps, {
    template: statusChangedEmail,
    data: {
      referrerName: participant.name,
      companyName: referral.companyName,
      programName: program.name,
      status: referral.status,
      reason: referral.reason,
      portalUrl: `${deps.config.appUrl}/portal/referrals`,
    },
    to: participant.email,
    locale: resolveLocale(participant.locale),
    brand: program.name,
    organizationId: referral.organizationId,
    programId: referral.programId,
    participantId: participant.id,
  });
}
