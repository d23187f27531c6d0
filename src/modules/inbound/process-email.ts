// One stored message processed alone: parse it, keep automatic mail and bounces out of the helpdesk,
// route the rest to its participant and ticket, and record where it went, all in one transaction with
// the stored row locked. Safe to run twice: a processed message is skipped. The `inbound.process` job
// works messages in batches (process-batch.ts) and comes here for a message a batch could not take.
import { and, count, eq, gt, inArray, or, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { JobOutcome } from "../../platform/jobs/job.js";
import { suppressAddress } from "../../platform/mail/outbox.js";
import { emailOutbox } from "../../platform/mail/schema.js";
import { receiveParticipantEmail } from "../helpdesk/index.js";
import { participants } from "../participants/schema.js";
import { lockSenders } from "./batch-statements.js";
import { classifyEmail } from "./content/classify-email.js";
import { extractReply } from "./content/extract-reply.js";
import { type ParsedEmail, parseEmail } from "./content/parse-email.js";
import { likelyOrganization, replyTokenTargets, routeEmail } from "./route-email.js";
import { type InboundEmail, inboundEmails } from "./schema.js";

export type InboundDeps = Pick<AppContext, "db" | "jobs" | "mail" | "config" | "logger">;

/** Messages per sender per hour that may become tickets or messages; the rest are kept, not posted. */
export const HOURLY_LIMIT_PER_SENDER = 20;
/** The longest text a message keeps (the portal's limit); the original keeps everything. */
export const TEXT_MAX = 20_000;

type Update = Partial<Omit<InboundEmail, "id" | "raw">>;

/** "Programa <no-reply@x.example>" → "no-reply@x.example". */
export function addressOf(mailbox: string): string {
  return (mailbox.match(/<([^<>]+)>/)?.[1] ?? mailbox).trim().toLowerCase();
}

async function isOverHourlyLimit(tx: Db, from: string, now: Date): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(inboundEmails)
    .where(
      and(
        eq(inboundEmails.fromAddress, from),
        gt(inboundEmails.receivedAt, new Date(now.getTime() - 3_600_000)),
        inArray(inboundEmails.status, ["attached", "ticket_opened", "quarantined"]),
      ),
    );
  return Number(row?.n ?? 0) >= HOURLY_LIMIT_PER_SENDER;
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

async function decide(deps: InboundDeps, tx: Db, row: InboundEmail, parsed: ParsedEmail): Promise<Update> {
  const from = parsed.from?.address ?? null;
  const routingInput = {
    recipients: [...row.envelopeTo, ...parsed.recipients],
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    from,
  };
  const classification = classifyEmail(parsed, {
    envelopeFrom: row.via === "smtp" ? (row.envelopeFrom ?? "") : null,
    ownAddresses: [addressOf(deps.mail.from)],
    ownDomain: deps.mail.replyDomain,
  });
  if (classification.kind === "bounce") {
    const programId = await bouncedProgramId(deps, tx, routingInput.recipients, parsed.returnedMessageId);
    return {
      status: "bounce",
      outcome: await suppressBounced(tx, classification.failedRecipients, programId),
      organizationId: await likelyOrganization(tx, deps.mail, routingInput),
    };
  }
  // Kept out of the helpdesk, yet listed for the agents who would have received it (audit).
  if (classification.kind === "automatic") {
    const organizationId = await likelyOrganization(tx, deps.mail, routingInput);
    return { status: "ignored", outcome: classification.reason, organizationId };
  }
  if (from) await lockSenders(tx, [from]); // counted after any batch holding this sender's mail commits
  if (from && (await isOverHourlyLimit(tx, from, row.receivedAt))) {
    const organizationId = await likelyOrganization(tx, deps.mail, routingInput);
    return { status: "ignored", outcome: "rate_limited", organizationId };
  }
  const route = await routeEmail(tx, deps.mail, routingInput);
  if (route.kind === "unbound") {
    return { status: "quarantined", outcome: route.outcome, organizationId: route.organizationId };
  }
  const { participant } = route;
  const placed = { organizationId: participant.organizationId, programId: participant.programId };
  // Someone who left the program has no portal to read answers in: an agent decides.
  if (participant.status !== "active") {
    return {
      status: "quarantined",
      outcome: "participant_left",
      participantId: participant.participantId,
      ...placed,
    };
  }
  const reply = extractReply(parsed);
  const result = await receiveParticipantEmail(deps, tx, participant, route.ticketId, {
    subject: parsed.subject,
    text: reply.text.slice(0, TEXT_MAX) || "(sem texto)",
    html: reply.html,
    emailMessageId: parsed.messageId,
    inboundEmailId: row.id,
  });
  return {
    status: result.kind,
    outcome: route.via,
    participantId: participant.participantId,
    ticketId: result.ticketId,
    ticketMessageId: result.messageId,
    ...placed,
  };
}

export async function processInboundEmail(deps: InboundDeps, id: string): Promise<JobOutcome> {
  try {
    return await inTransaction(deps.db, async (tx) => {
      const [row] = await tx.select().from(inboundEmails).where(eq(inboundEmails.id, id)).for("update");
      if (!row) return { status: "skipped", detail: "no such message" };
      if (row.status !== "received") return { status: "skipped", detail: `already ${row.status}` };
      const parsed = await parseEmail(row.raw);
      const update = await decide(deps, tx, row, parsed);
      await tx
        .update(inboundEmails)
        .set({
          fromAddress: parsed.from?.address ?? null,
          fromName: parsed.from?.name || null,
          subject: parsed.subject.slice(0, 500),
          ...update,
          attempts: row.attempts + 1,
          lastError: null,
          processedAt: new Date(),
        })
        .where(eq(inboundEmails.id, id));
      return { status: "done", detail: `${update.status}:${update.outcome ?? ""}` };
    });
  } catch (error) {
    // Recorded for the agents' list, then thrown so the job retries; the stored message stays.
    await deps.db
      .update(inboundEmails)
      .set({ attempts: sql`${inboundEmails.attempts} + 1`, lastError: String(error).slice(0, 1000) })
      .where(eq(inboundEmails.id, id));
    throw error;
  }
}
