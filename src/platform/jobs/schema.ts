import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const localJobStatusEnum = pgEnum("local_job_status", ["queued", "active", "done", "failed"]);

/**
 * The embedded default's job queue (PGlite cannot host pg-boss). Jobs are rows written in the caller's
 * transaction, so they are as durable as the change that caused them; one in-process runner works them.
 */
export const localJobs = pgTable(
  "local_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    payload: jsonb("payload").notNull(),
    // Only one queued-or-active job per key (e.g. one monthly digest per referrer and month).
    singletonKey: text("singleton_key"),
    status: localJobStatusEnum("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    output: jsonb("output"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    index("local_jobs_due_idx").on(table.status, table.runAfter),
    uniqueIndex("local_jobs_singleton_unique").on(table.name, table.singletonKey),
  ],
);
