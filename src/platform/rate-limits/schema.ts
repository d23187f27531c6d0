import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed-window counters every web process shares: the per-route request limits and the per-account
 * sign-in failures. A key is an HMAC of what is counted (route and client address, or an account's
 * e-mail), so the table holds no address; a row whose window ended is reset on its next hit and
 * deleted a minute later.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("rate_limit_counters_expires_idx").on(table.expiresAt)],
);
