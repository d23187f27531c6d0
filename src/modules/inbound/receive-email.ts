// The one door both mail doors lead to: the sender is checked (DKIM, SPF, DMARC, as a receiving mail
// server does: sender-authentication.ts), then the raw message is stored with that verdict and its
// processing job, in one transaction before the sender is answered, so nothing accepted is ever lost
// (a failure in parsing or routing only delays it; the job retries and the original stays for "view
// original").
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { defineJob } from "../../platform/jobs/job.js";
import { INBOUND_BATCH_SIZE } from "./process-batch.js";
import { inboundEmails } from "./schema.js";
import { authenticateSender, type SenderAuthentication, type SmtpClient } from "./sender-authentication.js";

/** Larger messages are refused at the door (SMTP SIZE, HTTP 413): a reply with a few photos fits. */
export const MAX_INBOUND_BYTES = 10 * 1024 * 1024;

export const inboundProcessJob = defineJob("inbound.process", z.object({ inboundEmailId: z.uuid() }), {
  retryLimit: 5,
  // Each job works a batch of received messages (process-batch.ts), so most jobs find their message
  // done: fetched a batch's worth at a time, with two loops so that one batch's parsing overlaps the
  // other's statements.
  concurrency: 2,
  fetchSize: INBOUND_BATCH_SIZE,
});

export type ReceivedEmail = {
  raw: Buffer;
  via: "smtp" | "http";
  /** SMTP envelope, when the message came through our listener. */
  envelopeFrom?: string | null;
  envelopeTo?: string[];
  /** The sending server, when the message came through our listener (SPF checks its address). */
  client?: SmtpClient;
};

export type ReceiveOutcome = { id: string; isDuplicate: boolean };

/**
 * The Message-ID from the header block, read without parsing the body (parsing happens in the job).
 * Header names are case-insensitive and values may be folded over several lines (RFC 5322 §2.2.3).
 */
export function headerMessageId(raw: Buffer): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString("latin1");
  const end = head.search(/\r?\n\r?\n/);
  const unfolded = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, " ");
  const match = unfolded.match(/^message-id:\s*(<[^<>\s]{1,400}>)/im);
  return match?.[1] ?? null;
}

/** Idempotency key: the Message-ID, or the content's hash for the rare message without one. */
function messageKeyOf(raw: Buffer, messageId: string | null): string {
  return messageId ?? `sha256:${createHash("sha256").update(raw).digest("hex")}`;
}

/** The door's own check of the sender, unless a trusted relay's verdict is read when processing. */
function checkSender(
  ctx: Pick<AppContext, "config" | "dns" | "mail">,
  email: ReceivedEmail,
): Promise<SenderAuthentication> | null {
  if (ctx.config.INBOUND_TRUSTED_AUTHSERV_ID) return null;
  return authenticateSender(email.raw, {
    resolver: ctx.dns,
    receiver: ctx.mail.replyDomain,
    client: email.client,
  });
}

export async function receiveInboundEmail(
  ctx: Pick<AppContext, "db" | "jobs" | "config" | "dns" | "mail">,
  email: ReceivedEmail,
): Promise<ReceiveOutcome> {
  const messageId = headerMessageId(email.raw);
  const messageKey = messageKeyOf(email.raw, messageId);
  // Before the transaction: DNS look-ups hold no connection.
  const senderAuthentication = await checkSender(ctx, email);
  return inTransaction(ctx.db, async (tx) => {
    const [stored] = await tx
      .insert(inboundEmails)
      .values({
        via: email.via,
        envelopeFrom: email.envelopeFrom ?? null,
        envelopeTo: (email.envelopeTo ?? []).map((address) => address.toLowerCase()),
        raw: email.raw,
        sizeBytes: email.raw.length,
        messageKey,
        messageId,
        senderAuthentication,
      })
      .onConflictDoNothing({ target: inboundEmails.messageKey })
      .returning({ id: inboundEmails.id });
    if (stored) {
      await ctx.jobs.enqueue(tx, inboundProcessJob, { inboundEmailId: stored.id });
      return { id: stored.id, isDuplicate: false };
    }
    const [existing] = await tx
      .select({ id: inboundEmails.id })
      .from(inboundEmails)
      .where(eq(inboundEmails.messageKey, messageKey));
    return { id: existing!.id, isDuplicate: true };
  });
}
