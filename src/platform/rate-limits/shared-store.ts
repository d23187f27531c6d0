// The @fastify/rate-limit store every web process shares: counters in rate_limit_counters, so a limit
// reached through one process holds in all of them. Hits that arrive together (in one turn of the
// event loop) are counted with one statement, whatever their keys; expired rows are swept at most
// once a minute per process.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import { type CounterState, counterKey, countHits, deleteExpiredCounters } from "./counters.js";

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type Pending = { windowMs: number; callbacks: Callback[] };

const SWEEP_EVERY_MS = 60_000;

/** Collects the hits of one event-loop turn and counts them in one statement. */
class HitBatcher {
  private pending = new Map<string, Pending>();
  private isScheduled = false;
  private lastSweep = 0;

  constructor(
    private readonly db: Db,
    private readonly logger?: Logger,
  ) {}

  add(key: string, windowMs: number, callback: Callback) {
    const entry = this.pending.get(key) ?? { windowMs, callbacks: [] };
    entry.callbacks.push(callback);
    this.pending.set(key, entry);
    if (this.isScheduled) return;
    this.isScheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush() {
    const batch = this.pending;
    this.pending = new Map();
    this.isScheduled = false;
    let counted: Map<string, CounterState>;
    try {
      counted = await countHits(
        this.db,
        [...batch].map(([key, entry]) => ({ key, count: entry.callbacks.length, windowMs: entry.windowMs })),
      );
    } catch (error) {
      for (const entry of batch.values()) for (const callback of entry.callbacks) callback(error as Error);
      return;
    }
    for (const [key, entry] of batch) {
      const state = counted.get(key) ?? { hits: entry.callbacks.length, ttlMs: entry.windowMs };
      // The batch's hits were the last ones counted: the first of them saw the count before the others.
      const first = state.hits - entry.callbacks.length + 1;
      entry.callbacks.forEach((callback, i) => {
        callback(null, { current: first + i, ttl: state.ttlMs });
      });
    }
    this.sweepNowAndThen();
  }

  private sweepNowAndThen() {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    deleteExpiredCounters(this.db).catch((error: unknown) =>
      this.logger?.warn({ err: error }, "could not delete expired rate-limit counters"),
    );
  }
}

/**
 * The store class to give `@fastify/rate-limit` (`store:`). Each route's limit counts under its own
 * prefix (method and path, as the plugin's Redis store does), and keys are stored as HMACs.
 */
export function sharedRateLimitStore(db: Db, secret: string, logger?: Logger): FastifyRateLimitStoreCtor {
  const batcher = new HitBatcher(db, logger);
  class SharedStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = "",
    ) {}

    incr(key: string, callback: Callback, timeWindow: number) {
      batcher.add(counterKey(secret, `${this.prefix}${key}`), timeWindow, callback);
    }

    child(options: Parameters<FastifyRateLimitStore["child"]>[0]): FastifyRateLimitStore {
      // The plugin passes the route's merged limit options, the route itself under `routeInfo`.
      const route = (options as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo ?? {};
      return new SharedStore(undefined, `${this.prefix}${String(route.method)} ${String(route.url)} `);
    }
  }
  return SharedStore as unknown as FastifyRateLimitStoreCtor;
}
