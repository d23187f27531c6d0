// The embedded default's queue: jobs are rows in `local_jobs`, worked by this process. Claiming uses
// FOR UPDATE SKIP LOCKED, so it is also correct if two runners ever share a PostgreSQL database.
import cronParser from "cron-parser";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { rowsOf } from "../db/raw-sql.js";
import type {
  EnqueueOptions,
  JobDefinition,
  JobHandler,
  JobInsertStatement,
  JobQueue,
  RecurringSchedule,
} from "./job.js";
import { localJobs } from "./schema.js";

type Logger = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
type ClaimedJob = { id: string; name: string; payload: unknown; attempts: number; max_attempts: number };
type Registered = { definition: JobDefinition<unknown>; handler: JobHandler<unknown> };

export class LocalJobQueue implements JobQueue {
  private readonly handlers = new Map<string, Registered>();
  private readonly schedules: {
    job: JobDefinition<unknown>;
    recurring: RecurringSchedule;
    payload: unknown;
  }[] = [];
  private readonly scheduleTimers = new Set<NodeJS.Timeout>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private draining: Promise<number> | undefined;

  private readonly pollIntervalMs: number;
  private readonly beforeEachJob: () => Promise<void>;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    options: {
      pollIntervalMs?: number;
      /** Awaited before each job is claimed: the process's web requests go first (context.ts). */
      beforeEachJob?: () => Promise<void>;
    } = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.beforeEachJob = options.beforeEachJob ?? (() => Promise.resolve());
  }

  async enqueue<T>(db: Db, job: JobDefinition<T>, payload: T, options: EnqueueOptions = {}) {
    const data = job.payload.parse(payload);
    await db
      .insert(localJobs)
      .values({
        name: job.id,
        payload: data as object,
        singletonKey: options.singletonKey ?? null,
        maxAttempts: job.retryLimit + 1,
        runAfter: options.startAfter ?? new Date(),
      })
      .onConflictDoNothing();
    if (this.running) setImmediate(() => void this.drain());
  }

  async insertStatement<T>(job: JobDefinition<T>, payloads: T[]): Promise<JobInsertStatement> {
    const now = new Date();
    const rows = payloads.map((payload) => ({
      name: job.id,
      payload: job.payload.parse(payload) as object,
      maxAttempts: job.retryLimit + 1,
      runAfter: now,
    }));
    const query = this.db.insert(localJobs).values(rows).toSQL();
    return {
      text: query.sql,
      values: query.params,
      committed: () => {
        if (this.running) setImmediate(() => void this.drain());
      },
    };
  }

  register<T>(job: JobDefinition<T>, handler: JobHandler<T>) {
    this.handlers.set(job.id, {
      definition: job as JobDefinition<unknown>,
      handler: handler as JobHandler<unknown>,
    });
  }

  schedule<T>(job: JobDefinition<T>, recurring: RecurringSchedule, payload: T) {
    this.schedules.push({ job: job as JobDefinition<unknown>, recurring, payload });
  }

  /** Sets a timer for the schedule's next tick, which enqueues the job and sets the following one. */
  private armSchedule(entry: (typeof this.schedules)[number]) {
    const next = cronParser
      .parseExpression(entry.recurring.cron, { tz: entry.recurring.timeZone })
      .next()
      .getTime();
    // Timers cannot wait longer than ~24.8 days; a far tick is re-armed on the way.
    const wait = Math.min(next - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      this.scheduleTimers.delete(timer);
      if (!this.running) return;
      const due = Date.now() >= next - 1000;
      const enqueued = due ? this.enqueue(this.db, entry.job, entry.payload) : Promise.resolve();
      enqueued
        .catch((err) => this.logger.error({ err, job: entry.job.id }, "scheduled enqueue failed"))
        .finally(() => this.running && this.armSchedule(entry));
    }, wait);
    timer.unref();
    this.scheduleTimers.add(timer);
  }

  async startWorkers() {
    for (const entry of this.schedules) this.armSchedule(entry);
    // One process owns the embedded database: anything left active was cut off by a crash; run it again.
    await this.db.update(localJobs).set({ status: "queued" }).where(eq(localJobs.status, "active"));
    this.running = true;
    const tick = async () => {
      await this.drain().catch((err) => this.logger.error({ err }, "job runner failed"));
      if (this.running) this.timer = setTimeout(tick, this.pollIntervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop() {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    for (const timer of this.scheduleTimers) clearTimeout(timer);
    this.scheduleTimers.clear();
    await this.draining?.catch(() => {});
  }

  /** Runs every due job until none is left; returns how many ran. Tests call it to settle side effects. */
  drain(): Promise<number> {
    this.draining ??= this.runDueJobs().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async runDueJobs(): Promise<number> {
    let count = 0;
    for (;;) {
      // PGlite answers without I/O, so a run of jobs is one chain of promises that would keep the event
      // loop from ever reading a request: each job starts in a later turn, after pending I/O.
      await new Promise((resolve) => setImmediate(resolve));
      await this.beforeEachJob();
      const job = await this.claimNext();
      if (!job) return count;
      await this.runOne(job);
      count++;
    }
  }

  private async claimNext() {
    const names = [...this.handlers.keys()];
    if (names.length === 0) return undefined;
    const result = await this.db.execute(sql`
      update local_jobs set status = 'active', attempts = attempts + 1
      where id = (
        select id from local_jobs
        where status = 'queued' and run_after <= now() and name in (${sql.join(
          names.map((n) => sql`${n}`),
          sql`, `,
        )})
        order by run_after, created_at
        limit 1
        for update skip locked
      )
      returning id, name, payload, attempts, max_attempts`);
    return rowsOf<ClaimedJob>(result)[0];
  }

  private async runOne(job: ClaimedJob) {
    const registered = this.handlers.get(job.name);
    try {
      if (!registered) throw new Error(`no handler for job ${job.name}`);
      const outcome = await registered.handler(registered.definition.payload.parse(job.payload));
      await this.db
        .update(localJobs)
        .set({ status: "done", output: outcome, finishedAt: new Date() })
        .where(eq(localJobs.id, job.id));
    } catch (err) {
      const isFinal = job.attempts >= job.max_attempts;
      const backoffSeconds = Math.min(2 ** job.attempts, 300);
      this.logger.error({ err, job: job.name, attempt: job.attempts }, "job failed");
      await this.db
        .update(localJobs)
        .set({
          status: isFinal ? "failed" : "queued",
          lastError: String(err instanceof Error ? err.message : err),
          runAfter: sql`now() + make_interval(secs => ${backoffSeconds})`,
          finishedAt: isFinal ? new Date() : null,
        })
        .where(and(eq(localJobs.id, job.id), eq(localJobs.status, "active")));
    }
  }
}
