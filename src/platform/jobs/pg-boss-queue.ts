// Production jobs: pg-boss on PostgreSQL, so any number of worker processes share the work without
// double runs. Jobs are inserted through the caller's transaction (pg-boss's `db` send option).
import PgBoss from "pg-boss";
import type { Db } from "../db/client.js";
import { executePositional } from "../db/raw-sql.js";
import type { EnqueueOptions, JobDefinition, JobHandler, JobQueue } from "./job.js";

type Logger = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
type Registered = { definition: JobDefinition<unknown>; handler: JobHandler<unknown> };

export class PgBossJobQueue implements JobQueue {
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, Registered>();
  private readonly createdQueues = new Set<string>();
  private started: Promise<void> | undefined;

  constructor(
    connectionString: string,
    private readonly logger: Logger,
    options: { isWorker: boolean },
  ) {
    this.boss = new PgBoss({
      connectionString,
      max: 4,
      // Maintenance and cron run in workers only; web processes just insert jobs.
      supervise: options.isWorker,
      schedule: options.isWorker,
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
    await this.start();
    await this.ensureQueue(job as JobDefinition<unknown>);
    await this.boss.send(job.id, job.payload.parse(payload) as object, {
      db: { executeSql: (text, values) => executePositional(db, text, values) },
      singletonKey: options.singletonKey,
      startAfter: options.startAfter,
      retryLimit: job.retryLimit,
      retryBackoff: true,
    });
  }

  register<T>(job: JobDefinition<T>, handler: JobHandler<T>) {
    this.handlers.set(job.id, {
      definition: job as JobDefinition<unknown>,
      handler: handler as JobHandler<unknown>,
    });
  }

  async startWorkers() {
    await this.start();
    for (const { definition, handler } of this.handlers.values()) {
      await this.boss.work(definition.id, { batchSize: 1 }, async ([job]) => {
        if (!job) return;
        const outcome = await handler(definition.payload.parse(job.data));
        this.logger.info({ job: definition.id, id: job.id, outcome }, "job ran");
        return outcome;
      });
    }
  }

  async stop() {
    if (this.started) await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  private async ensureQueue(definition: JobDefinition<unknown>) {
    if (this.createdQueues.has(definition.id)) return;
    await this.boss.createQueue(definition.id);
    this.createdQueues.add(definition.id);
  }
}
