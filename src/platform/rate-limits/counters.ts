// Shared fixed-window counters (rate_limit_counters). The database's clock decides when a window ends,
// so processes whose clocks differ still agree. Each statement is a single upsert: concurrent hits on
// one key are serialised by its row lock, and exactly one of them sees any given count.
import { sql } from "drizzle-orm";
import { hmac } from "../crypto/tokens.js";
import type { Db } from "../db/client.js";
import { rowsOf } from "../db/raw-sql.js";
import { rateLimitCounters } from "./schema.js";

export type CounterState = { hits: number; ttlMs: number };

/** What is stored for a counted thing: its HMAC, so the table names no client address or e-mail. */
export function counterKey(secret: string, name: string): string {
  return hmac(secret, `rate-limit:${name}`).toString("base64url");
}

/**
 * Adds `count` hits to each key, starting a window of `windowMs` for a key with none running; returns
 * each key's hits in its window and the milliseconds left. One statement for the whole batch.
 */
export async function countHits(
  db: Db,
  entries: { key: string; count: number; windowMs: number }[],
): Promise<Map<string, CounterState>> {
  const rows = entries.map((entry) => ({
    key: entry.key,
    count: entry.count,
    window_ms: Math.max(1, Math.trunc(entry.windowMs)),
  }));
  const result = await db.execute(sql`
    insert into ${rateLimitCounters} as c (key, hits, expires_at)
    select x.key, x.count, now() + x.window_ms * interval '1 millisecond'
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(key text, count integer, window_ms integer)
    on conflict (key) do update set
      hits = case when c.expires_at <= now() then excluded.hits else c.hits + excluded.hits end,
      expires_at = case when c.expires_at <= now() then excluded.expires_at else c.expires_at end
    returning c.key, c.hits, ceil(extract(epoch from c.expires_at - now()) * 1000)::integer as ttl_ms`);
  return new Map(
    rowsOf<{ key: string; hits: number; ttl_ms: number }>(result).map((row) => [
      row.key,
      { hits: Number(row.hits), ttlMs: Math.max(0, Number(row.ttl_ms)) },
    ]),
  );
}

/**
 * One hit on `key` in a window of `windowMs`; the hit that brings the count to `lockAt` makes the
 * window run `lockMs` from now (a lock). Returns the count after this hit.
 */
export async function countHitWithLock(
  db: Db,
  key: string,
  options: { windowMs: number; lockAt: number; lockMs: number },
): Promise<CounterState> {
  const result = await db.execute(sql`
    insert into ${rateLimitCounters} as c (key, hits, expires_at)
    values (${key}, 1, now() + ${Math.trunc(options.windowMs)}::integer * interval '1 millisecond')
    on conflict (key) do update set
      hits = case when c.expires_at <= now() then 1 else c.hits + 1 end,
      expires_at = case
        when c.expires_at <= now() then excluded.expires_at
        when c.hits + 1 = ${options.lockAt}::integer
          then now() + ${Math.trunc(options.lockMs)}::integer * interval '1 millisecond'
        else c.expires_at end
    returning c.hits, ceil(extract(epoch from c.expires_at - now()) * 1000)::integer as ttl_ms`);
  const [row] = rowsOf<{ hits: number; ttl_ms: number }>(result);
  return { hits: Number(row!.hits), ttlMs: Math.max(0, Number(row!.ttl_ms)) };
}

/** The key's hits in its running window (0 with none running), without counting a hit. */
export async function readCounter(db: Db, key: string): Promise<CounterState> {
  const result = await db.execute(sql`
    select hits, ceil(extract(epoch from expires_at - now()) * 1000)::integer as ttl_ms
    from ${rateLimitCounters} where key = ${key} and expires_at > now()`);
  const [row] = rowsOf<{ hits: number; ttl_ms: number }>(result);
  return row ? { hits: Number(row.hits), ttlMs: Math.max(0, Number(row.ttl_ms)) } : { hits: 0, ttlMs: 0 };
}

export async function clearCounter(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from ${rateLimitCounters} where key = ${key}`);
}

/** Deletes up to `limit` counters whose window ended over a minute ago; returns how many. */
export async function deleteExpiredCounters(db: Db, limit = 5000): Promise<number> {
  const result = await db.execute(sql`
    delete from ${rateLimitCounters} where key in (
      select key from ${rateLimitCounters}
      where expires_at < now() - interval '1 minute' limit ${limit}::integer)
    returning key`);
  return rowsOf(result).length;
}
