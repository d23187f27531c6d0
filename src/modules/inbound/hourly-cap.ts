// The per-sender hourly cap: one address flooding us (a loop our automatic-mail checks missed, a script)
// fills no helpdesk. A person's message counts its sender's messages of the hour before it that became a
// ticket message or were quarantined: those processed before (counted in the database, after a lock per
// sender, so two batches holding one sender's mail count in turn) and those earlier in its own batch.
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { rowsOf } from "../../platform/db/raw-sql.js";

/** Messages per sender per hour that may become tickets or messages; the rest are kept, not posted. */
export const HOURLY_LIMIT_PER_SENDER = 20;

const HOUR_MS = 3_600_000;

/** What the cap reads of a message of the batch. */
type SenderMessage = {
  classification: { kind: string };
  input: { from: string | null };
  row: { receivedAt: Date };
};

export class HourlyCap {
  private readonly counted: SenderMessage[] = [];

  private constructor(private readonly before: Map<number, number>) {}

  /** Locks the batch's senders and counts, for each person's message, what its sender sent before it. */
  static async load(tx: Db, batch: SenderMessage[]): Promise<HourlyCap> {
    const people = batch.flatMap((item, n) =>
      item.classification.kind === "person" && item.input.from
        ? [{ n, from: item.input.from, receivedAt: item.row.receivedAt }]
        : [],
    );
    await lockSenders(
      tx,
      people.map((person) => person.from),
    );
    return new HourlyCap(await countRecentBySender(tx, people));
  }

  /** Whether the batch's `n`th message is over its sender's cap, counting those counted here before it. */
  isOver(n: number, message: SenderMessage): boolean {
    const { from } = message.input;
    if (!from) return false;
    const since = message.row.receivedAt.getTime() - HOUR_MS;
    const earlier = this.counted.filter(
      (other) => other.input.from === from && other.row.receivedAt.getTime() > since,
    ).length;
    return (this.before.get(n) ?? 0) + earlier >= HOURLY_LIMIT_PER_SENDER;
  }

  /** A message that became a ticket message or was quarantined counts against its sender's next ones. */
  count(message: SenderMessage): void {
    this.counted.push(message);
  }
}

/**
 * A transaction-scoped lock per sender address, so two batches (or jobs) holding mail from one sender
 * count its hourly cap in turn: the second counts after the first has committed. The addresses go in
 * sorted order, in one statement (the set function yields them in array order): no deadlock.
 */
async function lockSenders(tx: Db, addresses: string[]): Promise<void> {
  const keys = [...new Set(addresses)].map((address) => `inbound-sender:${address}`).sort();
  if (keys.length === 0) return;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) as k`,
  );
}

/** For each (sender, time) the messages already processed from that sender in the hour before it. */
async function countRecentBySender(
  tx: Db,
  senders: { n: number; from: string; receivedAt: Date }[],
): Promise<Map<number, number>> {
  if (senders.length === 0) return new Map();
  const result = await tx.execute(sql`select x.n, (select count(*)::int from inbound_emails e
      where e.from_address = x.from_address and e.received_at > x.received_at - interval '1 hour'
        and e.status in ('attached', 'ticket_opened', 'quarantined')) as recent
    from jsonb_to_recordset(${JSON.stringify(
      senders.map((s) => ({ n: s.n, from_address: s.from, received_at: s.receivedAt })),
    )}::jsonb) as x(n int, from_address text, received_at timestamptz)`);
  return new Map(rowsOf<{ n: number; recent: number }>(result).map((row) => [row.n, Number(row.recent)]));
}
