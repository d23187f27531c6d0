// Received messages processed in batches, the one way a stored message is processed (the unit of work
// of the `inbound.process` job): one transaction claims up to a hundred received messages, parses and
// classifies them in memory, routes them with a few set-based queries and writes tickets, messages,
// notifications and outcomes with a few set-based statements, deciding each message in received order.
// A message processed alone is a batch of one. A batch that fails is rolled back and its messages are
// processed each as a batch of one, so one message that breaks processing holds up no other.
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { JobOutcome } from "../../platform/jobs/job.js";
import { type ParticipantEmail, receiveParticipantEmails } from "../helpdesk/index.js";
import {
  claimReceived,
  countRecentBySender,
  type InboundUpdate,
  lockOne,
  lockSenders,
  recordFailure,
  recordOutcomes,
} from "./batch-statements.js";
import { type ReadEmail, readEmail } from "./content/read-email.js";
import {
  addressOf,
  bouncedProgramId,
  HOURLY_LIMIT_PER_SENDER,
  type InboundDeps,
  suppressBounced,
  TEXT_MAX,
} from "./process-email.js";
import { BatchRoutingFacts, type RoutableEmail } from "./route-batch.js";
import { replyTokenTargets, threadIds } from "./route-email.js";
import type { InboundEmail } from "./schema.js";

/** Messages one batch claims: large enough that per-batch statements cost little per message. */
export const INBOUND_BATCH_SIZE = 100;

type Prepared = RoutableEmail & ReadEmail & { row: InboundEmail };

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

/** The claimed messages that are processed now (see `withoutRepliesToEachOther`), with their outcomes. */
async function processClaimed(deps: InboundDeps, tx: Db, rows: InboundEmail[]): Promise<InboundUpdate[]> {
  const batch = withoutRepliesToEachOther(await prepare(deps, rows));
  return decideAndWrite(deps, tx, batch);
}

/** Reads the batch's messages (parse, classify, what a person wrote) and finds their reply tokens. */
async function prepare(deps: InboundDeps, rows: InboundEmail[]): Promise<Prepared[]> {
  const ownAddresses = [addressOf(deps.mail.from)];
  const read = await Promise.all(
    rows.map((row) =>
      readEmail(row.raw, {
        envelopeFrom: row.via === "smtp" ? (row.envelopeFrom ?? "") : null,
        ownAddresses,
        ownDomain: deps.mail.replyDomain,
      }),
    ),
  );
  return rows.map((row, i) => {
    const { parsed, classification, reply } = read[i]!;
    const input = {
      recipients: [...row.envelopeTo, ...parsed.recipients],
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      from: parsed.from?.address ?? null,
    };
    const tokenTargets = replyTokenTargets(input.recipients, deps.mail.secret, deps.mail.replyDomain);
    return { row, parsed, classification, reply, input, tokenTargets };
  });
}

/**
 * The batch up to the first message that answers another message of the same batch: routing by the
 * thread reads messages already processed, so that reply waits for the next batch (it stays received).
 */
function withoutRepliesToEachOther(batch: Prepared[]): Prepared[] {
  const keys = new Set<string>();
  for (const [i, item] of batch.entries()) {
    if (threadIds(item.input).some((id) => keys.has(id))) return batch.slice(0, i);
    keys.add(item.row.messageKey);
  }
  return batch;
}

async function decideAndWrite(deps: InboundDeps, tx: Db, batch: Prepared[]): Promise<InboundUpdate[]> {
  const facts = await BatchRoutingFacts.load(tx, deps.mail.replyDomain, batch);
  const people = batch.flatMap((item, n) =>
    item.classification.kind === "person" && item.input.from
      ? [{ n, from: item.input.from, receivedAt: item.row.receivedAt }]
      : [],
  );
  // Another batch with mail from the same senders counts first; this one counts after its commit.
  await lockSenders(
    tx,
    people.map((p) => p.from),
  );
  const recent = await countRecentBySender(tx, people);
  const updates: InboundUpdate[] = [];
  const toHelpdesk: { update: InboundUpdate; email: ParticipantEmail }[] = [];
  // Messages earlier in this batch that count against their sender's cap, as if already processed; those
  // of other batches were counted above (the sender locks make batches with a common sender take turns).
  const capped: { from: string | null; receivedAt: Date }[] = [];
  for (const [n, item] of batch.entries()) {
    const { parsed, row } = item;
    const update: InboundUpdate = {
      id: row.id,
      fromAddress: parsed.from?.address ?? null,
      fromName: parsed.from?.name || null,
      subject: parsed.subject.slice(0, 500),
    };
    updates.push(update);
    const earlier = capped.filter(
      (other) =>
        other.from === item.input.from && other.receivedAt.getTime() > row.receivedAt.getTime() - 3_600_000,
    ).length;
    const decided = await decide(deps, tx, facts, item, (recent.get(n) ?? 0) + earlier);
    Object.assign(update, decided.update);
    if (decided.email) toHelpdesk.push({ update, email: decided.email });
    if (decided.email || decided.update.status === "quarantined") {
      capped.push({ from: item.input.from, receivedAt: row.receivedAt });
    }
  }
  const outcomes = await receiveParticipantEmails(
    deps,
    tx,
    toHelpdesk.map((entry) => entry.email),
  );
  outcomes.forEach((outcome, i) => {
    Object.assign(toHelpdesk[i]!.update, {
      status: outcome.kind,
      ticketId: outcome.ticketId,
      ticketMessageId: outcome.messageId,
    });
  });
  await recordOutcomes(tx, updates);
  return updates;
}

type Decision = { update: Omit<InboundUpdate, "id">; email?: ParticipantEmail };

/** What one message does, from the batch's facts; a bounce (rare) still looks up its program on its own. */
async function decide(
  deps: InboundDeps,
  tx: Db,
  facts: BatchRoutingFacts,
  item: Prepared,
  recentFromSender: number,
): Promise<Decision> {
  const { classification, parsed, input, row, reply } = item;
  if (classification.kind === "bounce") {
    const programId = await bouncedProgramId(deps, tx, input.recipients, parsed.returnedMessageId);
    return {
      update: {
        status: "bounce",
        outcome: await suppressBounced(tx, classification.failedRecipients, programId),
        organizationId: await facts.likelyOrganization(item),
      },
    };
  }
  if (classification.kind === "automatic") {
    const organizationId = await facts.likelyOrganization(item);
    return { update: { status: "ignored", outcome: classification.reason, organizationId } };
  }
  if (input.from && recentFromSender >= HOURLY_LIMIT_PER_SENDER) {
    const organizationId = await facts.likelyOrganization(item);
    return { update: { status: "ignored", outcome: "rate_limited", organizationId } };
  }
  const route = await facts.route(item);
  if (route.kind === "unbound") {
    return {
      update: { status: "quarantined", outcome: route.outcome, organizationId: route.organizationId },
    };
  }
  const { participant } = route;
  const placed = {
    participantId: participant.participantId,
    organizationId: participant.organizationId,
    programId: participant.programId,
  };
  if (participant.status !== "active") {
    return { update: { status: "quarantined", outcome: "participant_left", ...placed } };
  }
  if (!reply) throw new Error("a person's message was read without its reply");
  return {
    update: { outcome: route.via, ...placed },
    email: {
      owner: participant,
      answeredTicketId: route.ticketId,
      email: {
        subject: parsed.subject,
        text: reply.text.slice(0, TEXT_MAX) || "(sem texto)",
        html: reply.html,
        emailMessageId: parsed.messageId,
        inboundEmailId: row.id,
      },
    },
  };
}
