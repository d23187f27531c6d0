// Delivery reports (bounces). Anyone can write a message that looks like one, so a report counts only
// when it proves it answers an e-mail we sent: it reached that e-mail's envelope sender, a signed bounce
// address `bounce+TOKEN@reply-domain` (VERP) that only the receiving servers of that one e-mail saw.
// Then it can suppress that e-mail's recipient and nobody else, and only when the report names that
// recipient as failed; whatever else it lists is ignored. Hard and soft failures are weighed by the
// platform (platform/mail/suppressions.ts: a hard one suppresses, soft ones add up).
import { inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { emailOutbox } from "../../platform/mail/schema.js";
import { recordDeliveryFailure, SOFT_BOUNCE_LIMIT } from "../../platform/mail/suppressions.js";
import type { FailedRecipient } from "./content/delivery-status.js";

export type BounceReport = {
  /** The outbox e-mails named by valid bounce tokens among the report's recipients. */
  bounceTargets: string[];
  failedRecipients: FailedRecipient[];
  inboundEmailId: string;
};

/**
 * Why a report counted or not (the message's `outcome`), and the organization of the e-mail it returns
 * (null when it returns none of ours).
 */
export type BounceOutcome = { outcome: string; organizationId: string | null };

export async function recordBounce(tx: Db, report: BounceReport): Promise<BounceOutcome> {
  const bounced = await bouncedEmail(tx, report.bounceTargets);
  // Sent to a reply address, a program's address or a forged token: not a report on mail we sent.
  if (!bounced) return { outcome: "bounce_unsigned", organizationId: null };
  const { organizationId, programId } = bounced;
  const recipient = bounced.toAddress.trim().toLowerCase();
  const failed = report.failedRecipients.find((entry) => entry.address === recipient);
  if (!failed) return { outcome: "bounce_other_recipient", organizationId };
  // Staff mail (an invitation, a password reset) belongs to no program and is never suppressed.
  if (!programId) return { outcome: "bounce_without_program", organizationId };
  const kind = failed.isPermanent ? "hard" : "soft";
  const result = await recordDeliveryFailure(tx, {
    programId,
    email: recipient,
    outboxId: bounced.id,
    kind,
    status: failed.status,
    inboundEmailId: report.inboundEmailId,
  });
  const counted = kind === "soft" ? `:${result.softFailures}/${SOFT_BOUNCE_LIMIT}` : "";
  const verdict = result.suppressed ? "suppressed" : "counted";
  return { outcome: `bounce_${kind}${counted}_${verdict}:${recipient}`.slice(0, 500), organizationId };
}

/** The outbox e-mail the report returns: the first its valid bounce tokens name. */
async function bouncedEmail(tx: Db, outboxIds: string[]) {
  if (outboxIds.length === 0) return null;
  const rows = await tx
    .select({
      id: emailOutbox.id,
      organizationId: emailOutbox.organizationId,
      programId: emailOutbox.programId,
      toAddress: emailOutbox.toAddress,
    })
    .from(emailOutbox)
    .where(inArray(emailOutbox.id, outboxIds));
  return outboxIds.map((id) => rows.find((row) => row.id === id)).find((row) => row !== undefined) ?? null;
}
