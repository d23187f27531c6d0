// What processing a received message needs besides its batch (process-batch.ts): its limits and bounces.
import { eq, inArray, or } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { suppressAddress } from "../../platform/mail/outbox.js";
import { emailOutbox } from "../../platform/mail/schema.js";
import { participants } from "../participants/index.js";
import { replyTokenTargets } from "./route-email.js";

export type InboundDeps = Pick<AppContext, "db" | "jobs" | "mail" | "config" | "logger">;

/** Messages per sender per hour that may become tickets or messages; the rest are kept, not posted. */
export const HOURLY_LIMIT_PER_SENDER = 20;
/** The longest text a message keeps (the portal's limit); the original keeps everything. */
export const TEXT_MAX = 20_000;

/** "Programa <no-reply@x.example>" → "no-reply@x.example". */
export function addressOf(mailbox: string): string {
  return (mailbox.match(/<([^<>]+)>/)?.[1] ?? mailbox).trim().toLowerCase();
}

/**
 * A delivery report: the failed addresses are suppressed (reason "bounced") in the program of the e-mail
 * that failed (our envelope sender is its reply token), else in every program where they are referrers.
 */
export async function suppressBounced(tx: Db, failed: string[], programId: string | null): Promise<string> {
  if (failed.length === 0) return "no_failed_recipient";
  for (const address of failed) {
    const programIds = programId
      ? [programId]
      : (
          await tx
            .select({ programId: participants.programId })
            .from(participants)
            .where(eq(participants.email, address))
        ).map((row) => row.programId);
    for (const id of programIds) await suppressAddress(tx, id, address, "bounced");
  }
  return `bounced:${failed.join(",")}`.slice(0, 500);
}

/**
 * The program of the e-mail that bounced: named by the reply token it was sent with (our envelope sender,
 * so the report comes back to it), or by the Message-ID of the message the report returns.
 */
export async function bouncedProgramId(
  deps: InboundDeps,
  tx: Db,
  recipients: string[],
  returnedMessageId: string | null,
): Promise<string | null> {
  const outboxIds = replyTokenTargets(recipients, deps.mail.secret, deps.mail.replyDomain);
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
