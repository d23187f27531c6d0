// The referrer hears of every status change of their referral as it happens (DESIGN "Status e-mails"),
// automatic ones included: a referral disqualified by the checks is explained, never silent.
import { eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmail } from "../../platform/mail/outbox.js";
import { participants } from "../participants/index.js";
import { programs } from "../programs/index.js";
import { statusChangedEmail } from "./emails/status-changed-email.js";
import type { Referral } from "./schema.js";

export async function notifyReferrerOfMove(
  deps: Pick<AppContext, "jobs" | "mail" | "config">,
  tx: Db,
  referral: Referral,
): Promise<void> {
  const [row] = await tx
    .select({ participant: participants, programName: programs.name })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .where(eq(participants.id, referral.participantId));
  // A referrer who left the program gets no more e-mail (portal "leave the program").
  if (!row) return;
  // Nor one who turned status e-mails off in the portal (the monthly digest still tells them).
  if (row.participant.status !== "active" || !row.participant.wantsStatusEmails) return;
  const { participant } = row;
  await enqueueEmail(tx, deps, {
    template: statusChangedEmail,
    data: {
      referrerName: participant.name,
      companyName: referral.companyName,
      programName: row.programName,
      status: referral.status,
      reason: referral.reason,
      portalUrl: `${deps.config.appUrl}/portal/referrals`,
    },
    to: participant.email,
    locale: resolveLocale(participant.locale),
    brand: row.programName,
    organizationId: referral.organizationId,
    programId: referral.programId,
    participantId: participant.id,
  });
}
