// Production jobs: pg-boss on PostgreSQL, so any number of worker processes share the work without
// double runs. Jobs are inserted through the caller's transaction (pg-boss's `db` send option).

import pg from "pg";
import PgBoss from "pg-boss";
import type { Db } from "../db/client.js";
import { executePositional } from "../db/raw-sql.js";
import type {
  EnqueueOptions,
  JobDefinition,
  JobHandler,
  JobInsertStatement,
  JobOutcome,
  JobQueue,
  RecurringSchedule,
} from "./job.js";

type Logger = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
type Registered = { definition: JobDefinition<unknown>; handler: JobHandler<unknown> };

/** How often an idle worker looks for new jobs: pg-boss 10's minimum, so a job starts within ~0.5 s. */
const POLLING_INTERVAL_SECONDS = 0.5;
const MAINTENANCE_INTERVAL_SECONDS = 15;
/** How long stop() waits for running handlers before handing their jobs back for a retry. */
const STOP_TIMEOUT_MS = 10_000;

export class PgBossJobQueue implements JobQueue {
  // pg-boss runs on a pool we own, so stop() can let its last statements finish before closing it
  // (pg-boss completes jobs without awaiting, and would otherwise write to a pool it already closed).
  private readonly pool: pg.Pool;
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, Registered>();
  private readonly createdQueues = new Map<string, Promise<void>>();
  private readonly schedules: {
    job: JobDefinition<unknown>;
    recurring: RecurringSchedule;
    payload: unknown;
  }[] = [];
  /** pg-boss statements and handler runs not yet settled. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private started: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;
  private closing = false;

  constructor(
    connectionString: string,
    private readonly logger: Logger,
    options: { isWorker: boolean },
  ) {
    this.pool = new pg.Pool({ connectionString, max: 4, application_name: "pgboss" });
    // pool.end() resolves before its sockets close: a connection we are closing may still report errors.
    this.pool.on("error", (err) => {
      if (!this.closing) this.logger.error({ err }, "pg-boss connection error");
    });
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => this.track(this.pool.query(text, values)) },
      pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
      // Maintenance and cron run in workers only; web processes just insert jobs.
      supervise: options.isWorker,
      schedule: options.isWorker,
      // Supervision is what returns the jobs of a dead worker (past their expiry) to the queue.
      maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
    });
    this.boss.on("error", (err) => this.logger.error({ err }, "pg-boss error"));
  }

  /** Starts pg-boss (creating its schema on first use, under its own advisory lock) and the queues. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      for (const { definition } of this.handlers.values()) await this.ensureQueue(definition);
    })();
    return this.started;
  }

  async enqueue<T>(db: Db, job: JobDefinition<T>, payload: T, options: EnqueueOptions = {}) {
    const data = job.payload.parse(payload) as object;
    await this.start();
    // pg-boss inserts a job only if its queue exists (it joins the queue table), silently otherwise.
    await this.ensureQueue(job as JobDefinition<unknown>);
    const id = await this.boss.send(job.id, data, {
      db: { executeSql: (text, values) => executePositional(db, text, values) },
      singletonKey: options.singletonKey,
      startAfter: options.startAfter,
      retryLimit: job.retryLimit,
      retryBackoff: true,
      expireInSeconds: job.expireInSeconds,
    });
    if (!id && !options.singletonKey) throw new Error(`pg-boss did not insert job ${job.id}`);
  }

  async insertStatement<T>(job: JobDefinition<T>, payloads: T[]): Promise<JobInsertStatement> {
    const jobs = payloads.map((payload) => ({
      name: job.id,
      data: job.payload.parse(payload) as object,
      retryLimit: job.retryLimit,
      retryBackoff: true,
      expireInSeconds: job.expireInSeconds,
    }));
    await this.start();
    // pg-boss inserts a job only if its queue exists (it joins the queue table), silently otherwise.
    await this.ensureQueue(job as JobDefinition<unknown>);
    // pg-boss's own multi-row insert, taken as it would send it instead of sent: one executeSql call.
    let statement: { text: string; values: unknown[] } | undefined;
    await this.boss.insert(jobs, {
      db: {
        executeSql: async (text, values) => {
          statement = { text, values: values ?? [] };
          return { rows: [] };
        },
      },
    });
    if (!statement) throw new Error(`pg-boss built no insert for job ${job.id}`);
    return { ...statement, committed: () => {} };
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

  async startWorkers() {
    await this.start();
    // pg-boss keeps one schedule row per name and its clock enqueues once per tick across all workers.
    for (const { job, recurring, payload } of this.schedules) {
      await this.ensureQueue(job);
      await this.boss.schedule(job.id, recurring.cron, job.payload.parse(payload) as object, {
        tz: recurring.timeZone,
      });
    }
    for (const registered of this.handlers.values()) {
      for (let loop = 0; loop < registered.definition.concurrency; loop++) await this.workLoop(registered);
    }
  }

  private async workLoop(registered: Registered) {
    const { id, fetchSize } = registered.definition;
    let workerId: string | undefined;
    workerId = await this.boss.work(id, { batchSize: fetchSize }, async (jobs) => {
      if (jobs.length === 0) return undefined;
      try {
        if (jobs.length === 1) return await this.track(this.run(registered, jobs[0]!));
        // pg-boss completes the whole fetch when this returns (only jobs still active) and fails the
        // whole fetch if it throws: a job that fails is failed here, alone, so it alone is retried.
        for (const job of jobs) {
          await this.track(this.run(registered, job)).catch((err) =>
            this.track(this.boss.fail(id, job.id, { message: String(err?.message ?? err) })),
          );
        }
        return undefined;
      } finally {
        // pg-boss 10 waits a polling interval after every fetch; while the queue has work, fetch again at once.
        if (workerId) this.boss.notifyWorker(workerId);
      }
    });
  }

  /** Stops fetching, lets running handlers finish (up to a timeout) and closes the connections. */
  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async shutdown() {
    await this.started?.catch(() => {});
    // Jobs still running at the timeout are failed, so another worker retries them.
    await this.boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS, close: false });
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (this.inFlight.size > 0 && Date.now() < deadline) {
      await Promise.allSettled([...this.inFlight]);
      // A fetch that settled may have started a handler, or a handler a completion: look again.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.closing = true;
    await this.pool.end();
  }

  private async run({ definition, handler }: Registered, job: PgBoss.Job<unknown>): Promise<JobOutcome> {
    try {
      const outcome = await handler(definition.payload.parse(job.data));
      this.logger.info({ job: definition.id, id: job.id, outcome }, "job ran");
      return outcome;
    } catch (err) {
      this.logger.error({ err, job: definition.id, id: job.id }, "job failed");
      throw err;
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => {});
    return work;
  }

  /**
   * One creation per queue and process, shared by concurrent callers: two `create_queue` calls at once
   * (e.g. the digest writing several batches) deadlock inside pg-boss. A failed creation is retried.
   */
  private ensureQueue(definition: JobDefinition<unknown>): Promise<void> {
    let created = this.createdQueues.get(definition.id);
    if (!created) {
      created = this.boss.createQueue(definition.id).catch((err) => {
        this.createdQueues.delete(definition.id);
        throw err;
      });
      this.createdQueues.set(definition.id, created);
    }
    return created;
  }
}
