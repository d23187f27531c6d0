// Delivery reports (bounces): the addresses that failed are suppressed, so we stop writing to them.
import { eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { suppressAddress } from "../../platform/mail/outbox.js";
import { emailOutbox } from "../../platform/mail/schema.js";
import { participantsWithEmails } from "../participants/index.js";

/**
 * The failed addresses are suppressed (reason "bounced") in the program of the e-mail that failed (our
 * envelope sender is its reply token), else in every program where they are referrers.
 */
export async function suppressBounced(tx: Db, failed: string[], programId: string | null): Promise<string> {
  if (failed.length === 0) return "no_failed_recipient";
  for (const address of failed) {
    const programIds = programId
      ? [programId]
      : (await participantsWithEmails(tx, [address])).map((participant) => participant.programId);
    for (const id of programIds) await suppressAddress(tx, id, address, "bounced");
  }
  return `bounced:${failed.join(",")}`.slice(0, 500);
}

/**
 * The program of the e-mail that bounced: named by the reply token it was sent with (our envelope sender,
 * so the report comes back to it), or by the Message-ID of the message the report returns.
 */
export async function bouncedProgramId(
  tx: Db,
  outboxIds: string[],
  returnedMessageId: string | null,
): Promise<string | null> {
  const named = [
    ...(outboxIds.length > 0 ? [inArray(emailOutbox.id, outboxIds)] : []),
    ...(returnedMessageId ? [eq(emailOutbox.messageId, returnedMessageId)] : []),
  ];
  if (named.length === 0) return null;
  const [row] = await tx
    .select({ programId: emailOutbox.programId })
    .from(emailOutbox)
    .where(or(...named))
    .limit(1);
  return row?.programId ?? null;
}
