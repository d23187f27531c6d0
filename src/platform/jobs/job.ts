import type { z } from "zod";
import type { Db } from "../db/client.js";

/** A job is an id plus the zod schema of its payload; the handler lives in the module that owns it. */
export type JobDefinition<TPayload> = {
  id: string;
  payload: z.ZodType<TPayload>;
  /** How many times a failed run is retried (with backoff) before the job is marked failed. */
  retryLimit: number;
  /**
   * How long a run may take before it counts as failed and is retried. It is also how long a job stays
   * claimed by a worker that died (SIGKILL, lost machine) before another worker runs it again.
   */
  expireInSeconds: number;
  /**
   * Jobs of this kind one worker process runs at once. pg-boss 10 fetches one job per loop; a queue of
   * short, database-bound jobs (inbound mail) keeps several loops busy instead of waiting on one.
   */
  concurrency: number;
  /**
   * Jobs one fetch takes (pg-boss; the local queue claims one at a time). Their handlers still run one
   * job after the other and each job succeeds or fails on its own. For jobs that mostly find their work
   * already done by an earlier one (inbound mail drains in batches), so a fetch per job is what costs.
   */
  fetchSize: number;
};

export function defineJob<TPayload>(
  id: string,
  payload: z.ZodType<TPayload>,
  options: { retryLimit?: number; expireInSeconds?: number; concurrency?: number; fetchSize?: number } = {},
): JobDefinition<TPayload> {
  return {
    id,
    payload,
    retryLimit: options.retryLimit ?? 5,
    expireInSeconds: options.expireInSeconds ?? 60,
    concurrency: options.concurrency ?? 1,
    fetchSize: options.fetchSize ?? 1,
  };
}

/** What a handler did, reported in logs and stored as the job's output: handlers are safe to run twice. */
export type JobOutcome = { status: "done" | "skipped"; detail?: string };

export type JobHandler<TPayload> = (payload: TPayload) => Promise<JobOutcome>;

export type EnqueueOptions = {
  /**
   * The local queue keeps at most one job with this key per job id, ever. pg-boss ignores it unless
   * `singletonSeconds` is also given (not passed yet), so exactly-once work must be enforced in the
   * database, not by this option.
   */
  singletonKey?: string;
  startAfter?: Date;
};

export type RecurringSchedule = { cron: string; timeZone: string };

/**
 * An insert of jobs for a caller to send in its own transaction, beside its other statements (batched
 * writes, where a round trip per statement is what costs): the jobs exist only if that transaction
 * commits. Call `committed` once it has.
 */
export type JobInsertStatement = { text: string; values: unknown[]; committed(): void };

export interface JobQueue {
  /** Writes the job through `db`, usually the caller's transaction: it exists only if that commits. */
  enqueue<TPayload>(
    db: Db,
    job: JobDefinition<TPayload>,
    payload: TPayload,
    options?: EnqueueOptions,
  ): Promise<void>;
  /** One statement that inserts one job per payload (see JobInsertStatement). */
  insertStatement<TPayload>(job: JobDefinition<TPayload>, payloads: TPayload[]): Promise<JobInsertStatement>;
  register<TPayload>(job: JobDefinition<TPayload>, handler: JobHandler<TPayload>): void;
  /**
   * Enqueues the job on a cron schedule (in the given time zone) once workers run: pg-boss's own
   * schedule on PostgreSQL (one enqueue per tick whatever the number of workers), a timer in-process.
   */
  schedule<TPayload>(job: JobDefinition<TPayload>, recurring: RecurringSchedule, payload: TPayload): void;
  /** Starts working registered handlers (web processes in production only enqueue). */
  startWorkers(): Promise<void>;
  stop(): Promise<void>;
}
