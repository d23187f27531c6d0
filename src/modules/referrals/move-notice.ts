// The referrer hears of every status change of their referral (DESIGN "Status e-mails"): sales' moves as
// they happen; the checks' decisions after the program's delay, to a proven address (decision-notice.ts),
// so a referral disqualified by the checks is still explained, never silent.
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmail } from "../../platform/mail/outbox.js";
import { isAddressVerified, participantWithProgram } from "../participants/index.js";
import { statusChangedEmail } from "./emails/status-changed-email.js";
import type { Referral } from "./schema.js";

/** Writes the status e-mail; false when it is not for this referrer (left, opted out, unproven address). */
export async function notifyReferrerOfMove(
  deps: Pick<AppContext, "jobs" | "mail" | "config">,
  tx: Db,
  referral: Referral,
  options: { onlyToVerifiedAddress?: boolean } = {},
): Promise<boolean> {
  const row = await participantWithProgram(tx, referral.participantId);
  if (!row) return false;
  // A referrer who left the program gets no more e-mail (portal "leave the program"), nor one who
  // turned status e-mails off in the portal (the monthly digest still tells them).
  if (row.participant.status !== "active" || !row.participant.wantsStatusEmails) return false;
  if (options.onlyToVerifiedAddress && !isAddressVerified(row.participant)) return false;
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
  return true;
}
