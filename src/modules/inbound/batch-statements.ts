// The inbound batch's own statements: claiming received messages and recording where each one went.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type InboundEmail, inboundEmails } from "./schema.js";

/** Raw bytes one batch reads at most (beyond its first message): a burst of large mail stays in memory. */
export const BATCH_MAX_BYTES = 25 * 1024 * 1024;

/**
 * Locks the job's own message (even one that failed before, so its retry takes it) and up to `limit - 1`
 * received after it, in received order, skipping those another batch holds and those that failed (a
 * message that broke processing is retried by its own job alone, so it cannot break every batch).
 * Taking the messages after its own, not the oldest, lets the jobs a worker fetched together (in
 * received order) share one batch while another worker's jobs take the next one. Only the messages
 * within `maxBytes` are read; the others stay received (locked until this batch commits).
 */
export async function claimReceived(
  tx: Db,
  ownId: string,
  limit: number,
  maxBytes = BATCH_MAX_BYTES,
): Promise<InboundEmail[]> {
  const others = sql`select id from (select id from inbound_emails
      where status = 'received' and last_error is null
        and (received_at, id) > (select received_at, id from inbound_emails where id = ${ownId})
      order by received_at, id limit ${limit - 1} for update skip locked) as following`;
  const locked = await tx
    .select({ id: inboundEmails.id, sizeBytes: inboundEmails.sizeBytes })
    .from(inboundEmails)
    .where(
      and(
        sql`${inboundEmails.id} in (select ${ownId}::uuid union all ${others})`,
        eq(inboundEmails.status, "received"),
      ),
    )
    .orderBy(asc(inboundEmails.receivedAt), asc(inboundEmails.id))
    .for("update", { skipLocked: true });
  let bytes = 0;
  const within = locked.filter((row, i) => {
    bytes += row.sizeBytes;
    return i === 0 || bytes <= maxBytes;
  });
  if (within.length === 0) return [];
  return tx
    .select()
    .from(inboundEmails)
    .where(
      inArray(
        inboundEmails.id,
        within.map((row) => row.id),
      ),
    )
    .orderBy(asc(inboundEmails.receivedAt), asc(inboundEmails.id));
}

/**
 * Locks one message for a batch of one, waiting for a batch that holds it: once that batch commits the
 * message is found processed; if it rolled back, the message is still received and taken here.
 */
export async function lockOne(tx: Db, id: string): Promise<InboundEmail | null> {
  const [row] = await tx.select().from(inboundEmails).where(eq(inboundEmails.id, id)).for("update");
  return row ?? null;
}

/** A failed attempt, written after its transaction rolled back: the agents' list shows it; the job retries. */
export async function recordFailure(db: Db, id: string, error: unknown): Promise<void> {
  await db
    .update(inboundEmails)
    .set({ attempts: sql`${inboundEmails.attempts} + 1`, lastError: String(error).slice(0, 1000) })
    .where(eq(inboundEmails.id, id));
}

/** What processing decided for one message (the columns it sets besides the bookkeeping). */
export type InboundUpdate = Partial<
  Pick<
    InboundEmail,
    | "status"
    | "outcome"
    | "organizationId"
    | "programId"
    | "participantId"
    | "ticketId"
    | "ticketMessageId"
    | "fromAddress"
    | "fromName"
    | "subject"
  >
> & { id: string };

/** Records every message's outcome in one statement; each counts one more processing attempt. */
export async function recordOutcomes(tx: Db, updates: InboundUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map((u) => ({
    id: u.id,
    status: u.status,
    outcome: u.outcome ?? null,
    organization_id: u.organizationId ?? null,
    program_id: u.programId ?? null,
    participant_id: u.participantId ?? null,
    ticket_id: u.ticketId ?? null,
    ticket_message_id: u.ticketMessageId ?? null,
    from_address: u.fromAddress ?? null,
    from_name: u.fromName ?? null,
    subject: u.subject ?? null,
  }));
  await tx.execute(sql`update inbound_emails e set status = x.status, outcome = x.outcome,
      organization_id = x.organization_id, program_id = x.program_id, participant_id = x.participant_id,
      ticket_id = x.ticket_id, ticket_message_id = x.ticket_message_id, from_address = x.from_address,
      from_name = x.from_name, subject = x.subject, attempts = e.attempts + 1, last_error = null,
      processed_at = clock_timestamp()
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(id uuid, status inbound_email_status,
      outcome text, organization_id uuid, program_id uuid, participant_id uuid, ticket_id uuid,
      ticket_message_id uuid, from_address text, from_name text, subject text)
    where e.id = x.id`);
}
