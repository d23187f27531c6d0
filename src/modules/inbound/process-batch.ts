// Received messages processed in batches, the one way a stored message is processed (the unit of work
// of the `inbound.process` job): one transaction claims up to a hundred received messages, parses and
// classifies them in memory, routes them with a few set-based queries and writes tickets, messages,
// notifications and outcomes with a few set-based statements, deciding each message in received order
// (decide-email.ts). A message processed alone is a batch of one. A batch that fails is rolled back and
// its messages are processed each as a batch of one, so one message that breaks processing holds up no
// other and records its error.
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { JobOutcome } from "../../platform/jobs/job.js";
import { type ParticipantEmail, receiveParticipantEmails } from "../helpdesk/index.js";
import {
  claimReceived,
  type InboundUpdate,
  lockOne,
  recordFailure,
  recordOutcomes,
} from "./batch-statements.js";
import type { ReadEmail } from "./content/read-email.js";
import { decideEmail, type PreparedEmail } from "./decide-email.js";
import { HourlyCap } from "./hourly-cap.js";
import { bounceTokenTargets, replyTokenTargets, threadIds } from "./reply-targets.js";
import { BatchRoutingFacts } from "./route-batch.js";
import type { InboundEmail } from "./schema.js";
import { isSenderVerified } from "./sender-verdict.js";
import { failedUpdates, readOrExplain, type UnreadableEmail } from "./unreadable-email.js";

export type InboundDeps = Pick<AppContext, "db" | "jobs" | "mail" | "config" | "logger">;

/** Messages one batch claims: large enough that per-batch statements cost little per message. */
export const INBOUND_BATCH_SIZE = 100;

export type BatchResult = {
  /** Messages no longer `received` after this run (processed here, or found done). */
  processed: string[];
  /** Messages that failed when processed alone, with the error: still `received`, the error recorded. */
  failed: Map<string, unknown>;
};

/**
 * Processes the job's own message (when no other batch holds it) with the received messages after it.
 * `onClaimed` hears which messages the batch holds, before it works them.
 */
export async function processReceivedBatch(
  deps: InboundDeps,
  ownId: string,
  options: { limit?: number; maxBytes?: number; onClaimed?: (ids: string[]) => void } = {},
): Promise<BatchResult> {
  let claimed: string[] = [];
  try {
    const processed = await inTransaction(deps.db, async (tx) => {
      const rows = await claimReceived(tx, ownId, options.limit ?? INBOUND_BATCH_SIZE, options.maxBytes);
      claimed = rows.map((row) => row.id);
      options.onClaimed?.(claimed);
      return (await processClaimed(deps, tx, rows)).map((update) => update.id);
    });
    return { processed, failed: new Map() };
  } catch (error) {
    if (claimed.length === 0) throw error;
    deps.logger.error({ err: error, messages: claimed.length }, "inbound batch failed; each message alone");
    return processEachAlone(deps, claimed);
  }
}

/**
 * One message as a batch of one, for a message its job's batch did not process: waits for a batch that
 * holds it and skips it once processed. A failure is recorded on the message and thrown (the job retries).
 */
export async function processAlone(deps: InboundDeps, id: string): Promise<JobOutcome> {
  try {
    return await inTransaction(deps.db, async (tx) => {
      const row = await lockOne(tx, id);
      if (!row) return { status: "skipped", detail: "no such message" };
      if (row.status !== "received") return { status: "skipped", detail: `already ${row.status}` };
      const [update] = await processClaimed(deps, tx, [row]);
      return { status: "done", detail: `${update!.status}:${update!.outcome ?? ""}` };
    });
  } catch (error) {
    await recordFailure(deps.db, id, error);
    throw error;
  }
}

async function processEachAlone(deps: InboundDeps, ids: string[]): Promise<BatchResult> {
  const result: BatchResult = { processed: [], failed: new Map() };
  for (const id of ids) {
    try {
      await processAlone(deps, id);
      result.processed.push(id);
    } catch (error) {
      result.failed.set(id, error);
    }
  }
  return result;
}

/**
 * The claimed messages that are processed now (see `withoutRepliesToEachOther`), with their outcomes;
 * those that cannot be read as mail fail at once (unreadable-email.ts).
 */
async function processClaimed(deps: InboundDeps, tx: Db, rows: InboundEmail[]): Promise<InboundUpdate[]> {
  const { readable, unreadable } = await prepare(deps, rows);
  const failed = await failedUpdates(tx, deps.mail, unreadable);
  await recordOutcomes(tx, failed);
  return [...failed, ...(await decideAndWrite(deps, tx, withoutRepliesToEachOther(readable)))];
}

/** Reads the batch's messages (parse, classify, what a person wrote) and finds their reply tokens. */
async function prepare(deps: InboundDeps, rows: InboundEmail[]) {
  const ownAddresses = [addressOf(deps.mail.from)];
  const read = await Promise.all(
    rows.map((row) =>
      readOrExplain(row, {
        envelopeFrom: row.via === "smtp" ? (row.envelopeFrom ?? "") : null,
        ownAddresses,
        ownDomain: deps.mail.replyDomain,
      }),
    ),
  );
  const unreadable: UnreadableEmail[] = [];
  const readable: PreparedEmail[] = [];
  rows.forEach((row, i) => {
    const result = read[i]!;
    if ("unreadable" in result) unreadable.push({ row, reason: result.unreadable });
    else readable.push(prepared(deps, row, result));
  });
  return { readable, unreadable };
}

/** A read message with what routing needs: its tokens, its thread and whether its sender is verified. */
function prepared(deps: InboundDeps, row: InboundEmail, read: ReadEmail): PreparedEmail {
  const { parsed } = read;
  const input = {
    recipients: [...row.envelopeTo, ...parsed.recipients],
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    from: parsed.from?.address ?? null,
  };
  const { secret, replyDomain } = deps.mail;
  return {
    ...read,
    row,
    input,
    tokenTargets: replyTokenTargets(input.recipients, secret, replyDomain),
    bounceTargets: bounceTokenTargets(input.recipients, secret, replyDomain),
    isSenderVerified: isSenderVerified(row, parsed, deps.config.INBOUND_TRUSTED_AUTHSERV_ID),
  };
}

/** "Programa <no-reply@x.example>" → "no-reply@x.example". */
function addressOf(mailbox: string): string {
  return (mailbox.match(/<([^<>]+)>/)?.[1] ?? mailbox).trim().toLowerCase();
}

/**
 * The batch up to the first message that answers another message of the same batch: routing by the
 * thread reads messages already processed, so that reply waits for the next batch (it stays received).
 */
function withoutRepliesToEachOther(batch: PreparedEmail[]): PreparedEmail[] {
  const keys = new Set<string>();
  for (const [i, item] of batch.entries()) {
    if (threadIds(item.input).some((id) => keys.has(id))) return batch.slice(0, i);
    keys.add(item.row.messageKey);
  }
  return batch;
}

/** Decides each message in received order, then has the helpdesk post the e-mails and records outcomes. */
async function decideAndWrite(deps: InboundDeps, tx: Db, batch: PreparedEmail[]): Promise<InboundUpdate[]> {
  const facts = await BatchRoutingFacts.load(tx, deps.mail.replyDomain, batch);
  const cap = await HourlyCap.load(tx, batch);
  const updates: InboundUpdate[] = [];
  const toHelpdesk: { update: InboundUpdate; email: ParticipantEmail }[] = [];
  for (const [n, item] of batch.entries()) {
    const decided = await decideEmail(tx, facts, item, cap.isOver(n, item));
    const { from, subject } = item.parsed;
    const update: InboundUpdate = {
      id: item.row.id,
      fromAddress: from?.address ?? null,
      fromName: from?.name || null,
      subject: subject.slice(0, 500),
      ...decided.update,
    };
    updates.push(update);
    if (decided.email) toHelpdesk.push({ update, email: decided.email });
    if (decided.email || update.status === "quarantined") cap.count(item);
  }
  const outcomes = await receiveParticipantEmails(
    deps,
    tx,
    toHelpdesk.map((entry) => entry.email),
  );
  outcomes.forEach(({ kind, ticketId, messageId }, i) => {
    Object.assign(toHelpdesk[i]!.update, { status: kind, ticketId, ticketMessageId: messageId });
  });
  await recordOutcomes(tx, updates);
  return updates;
}
