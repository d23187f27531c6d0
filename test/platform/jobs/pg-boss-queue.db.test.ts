// The production queue (pg-boss) on real PostgreSQL: a job exists only if the transaction that enqueues
// it commits, and any number of worker processes run each committed job exactly once.
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "../../../src/platform/db/client.js";
import { rowsOf } from "../../../src/platform/db/raw-sql.js";
import { inTransaction } from "../../../src/platform/db/transaction.js";
import { defineJob } from "../../../src/platform/jobs/job.js";
import { PgBossJobQueue } from "../../../src/platform/jobs/pg-boss-queue.js";
import { enqueueEmail, mailSendJob } from "../../../src/platform/mail/outbox.js";
import { devMailbox, emailOutbox } from "../../../src/platform/mail/schema.js";
import { createMailSendHandler } from "../../../src/platform/mail/send-job.js";
import { defineEmailTemplate } from "../../../src/platform/mail/template.js";
import { createDevelopmentTransport } from "../../../src/platform/mail/transport.js";
import { openTestDatabase, type TestDatabase, testEngine } from "../../support/test-database.js";

const pingEmail = defineEmailTemplate<{ name: string }>({
  id: "test.ping",
  isAutomatic: true,
  render: ({ name }) => ({ subject: `Ping ${name}`, heading: name, paragraphs: ["Ping."] }),
});

// Platform only: no module (nor the test factories, which import modules) is needed here.
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

const mail = {
  from: "Corrente <no-reply@example.com>",
  replyDomain: "reply.example.com",
  secret: "s".repeat(32),
};

/** Polls `check` until it returns true, failing after `timeoutMs`: no fixed sleeps. */
async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type JobRow = { state: string; data: unknown; output: unknown };

const jobRows = async (db: Db, name: string) =>
  rowsOf<JobRow>(await db.execute(sql`select state, data, output from pgboss.job where name = ${name}`));

describe.skipIf(testEngine !== "postgres")("the pg-boss job queue", () => {
  let database: TestDatabase;
  const queues: PgBossJobQueue[] = [];
  const loggedErrors: object[] = [];
  const logger = { info: () => {}, error: (obj: object) => void loggedErrors.push(obj) };

  /** A web process's queue (only enqueues) or a worker process's queue (runs handlers). */
  function newQueue(role: "web" | "worker") {
    if (!database.url) throw new Error("the postgres test database has no url");
    const queue = new PgBossJobQueue(database.url, logger, { isWorker: role === "worker" });
    queues.push(queue);
    return queue;
  }

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(queues.map((queue) => queue.stop()));
    await database.close();
    expect(loggedErrors).toEqual([]);
  });

  it("neither runs nor keeps a job whose transaction rolls back", async () => {
    const job = defineJob("test.rollback", z.object({ n: z.number() }));
    const worker = newQueue("worker");
    const seen: number[] = [];
    worker.register(job, async ({ n }) => {
      seen.push(n);
      return { status: "done" };
    });
    await worker.startWorkers();

    await expect(
      inTransaction(database.db, async (tx) => {
        await worker.enqueue(tx, job, { n: 1 });
        // Written through this very transaction: visible inside it, not yet outside.
        expect(await jobRows(tx, job.id)).toHaveLength(1);
        expect(await jobRows(database.db, job.id)).toHaveLength(0);
        throw new Error("the use case fails after enqueuing");
      }),
    ).rejects.toThrow("the use case fails");

    // Once a job committed after it has run, the worker has had its chance at the first one.
    await inTransaction(database.db, (tx) => worker.enqueue(tx, job, { n: 2 }));
    await waitFor("the committed job", () => seen.includes(2));
    expect(seen).toEqual([2]);
    expect(await jobRows(database.db, job.id)).toHaveLength(1);
  });

  it("runs a committed job once, promptly, with the payload its schema parses", async () => {
    const job = defineJob("test.stamp", z.object({ n: z.number().int(), at: z.coerce.date() }), {
      retryLimit: 1,
    });
    const web = newQueue("web");
    const worker = newQueue("worker");
    const runs: { n: number; at: Date; startedAt: number }[] = [];
    worker.register(job, async (payload) => {
      runs.push({ ...payload, startedAt: Date.now() });
      return { status: "done", detail: `n=${payload.n}` };
    });
    await worker.startWorkers();

    await expect(
      inTransaction(database.db, (tx) => web.enqueue(tx, job, { n: 1.5, at: new Date() })),
    ).rejects.toThrow();
    const at = new Date("2026-01-02T03:04:05.678Z");
    await inTransaction(database.db, (tx) => web.enqueue(tx, job, { n: 7, at }));
    const committedAt = Date.now();

    await waitFor("the job to complete", async () =>
      (await jobRows(database.db, job.id)).every((row) => row.state === "completed"),
    );
    expect(runs).toHaveLength(1);
    // JSON carried the date as a string; the worker's parse made it a Date again.
    expect(runs[0]!.at).toBeInstanceOf(Date);
    expect(runs[0]!.at.toISOString()).toBe(at.toISOString());
    expect(runs[0]!.startedAt - committedAt).toBeLessThan(1_500);
    const rows = await jobRows(database.db, job.id);
    expect(rows).toEqual([
      { state: "completed", data: { n: 7, at: at.toISOString() }, output: { status: "done", detail: "n=7" } },
    ]);
  });

  it("shares the jobs of one queue between two worker processes, running each exactly once", async () => {
    const job = defineJob("test.shared", z.object({ n: z.number() }));
    const web = newQueue("web");
    const runs: { n: number; worker: string }[] = [];
    for (const name of ["a", "b"]) {
      const worker = newQueue("worker");
      worker.register(job, async ({ n }) => {
        runs.push({ n, worker: name });
        await new Promise((resolve) => setTimeout(resolve, 10));
        return { status: "done" };
      });
      await worker.startWorkers();
    }

    const count = 50;
    await Promise.all(
      Array.from({ length: count }, (_, n) =>
        inTransaction(database.db, (tx) => web.enqueue(tx, job, { n })),
      ),
    );
    await waitFor(
      "every job to complete",
      async () => {
        const rows = await jobRows(database.db, job.id);
        return rows.length === count && rows.every((row) => row.state === "completed");
      },
      8_000,
    );

    expect(runs.map((run) => run.n).sort((a, b) => a - b)).toEqual(
      Array.from({ length: count }, (_, n) => n),
    );
    expect(new Set(runs.map((run) => run.worker))).toEqual(new Set(["a", "b"]));
  });

  it("delivers an outbox e-mail once through pg-boss, and nothing for a rolled-back one", async () => {
    const web = newQueue("web");
    const worker = newQueue("worker");
    worker.register(mailSendJob, createMailSendHandler(database.db, createDevelopmentTransport(database.db)));
    await worker.startWorkers();
    const deliveriesTo = (to: string) =>
      database.db.select().from(devMailbox).where(eq(devMailbox.toAddress, to));
    const send = (tx: Db, to: string) =>
      enqueueEmail(
        tx,
        { jobs: web, mail },
        { template: pingEmail, data: { name: "P" }, to, locale: "en", brand: "T" },
      );

    const doomed = `${unique("rolled-back")}@example.com`;
    await expect(
      inTransaction(database.db, async (tx) => {
        await send(tx, doomed);
        throw new Error("the use case fails after writing");
      }),
    ).rejects.toThrow("the use case fails");

    const to = `${unique("committed")}@example.com`;
    const result = await inTransaction(database.db, (tx) => send(tx, to));
    if (!result) throw new Error("expected an e-mail to be enqueued");
    await waitFor("the outbox row to be sent", async () => {
      const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, result.outboxId));
      return row?.status === "sent";
    });
    await waitFor("the mail.send jobs to complete", async () =>
      (await jobRows(database.db, mailSendJob.id)).every((row) => row.state === "completed"),
    );

    const deliveries = await deliveriesTo(to);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.messageId).toBe(result.messageId);
    expect(deliveries[0]!.subject).toBe("Ping P");
    expect(await jobRows(database.db, mailSendJob.id)).toHaveLength(1);
    expect(await deliveriesTo(doomed)).toHaveLength(0);
    expect(
      await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, doomed)),
    ).toHaveLength(0);
  });
  it("jobs fetched together still succeed or fail one by one: only the failed one is retried", async () => {
    const job = defineJob("test.fetched-together", z.object({ n: z.number() }), {
      retryLimit: 1,
      fetchSize: 10,
    });
    if (!database.url) throw new Error("the postgres test database has no url");
    // Its own logger: the failure below is expected, not one of the errors the suite must not log.
    const worker = new PgBossJobQueue(database.url, { info: () => {}, error: () => {} }, { isWorker: true });
    queues.push(worker);
    const runs: number[] = [];
    worker.register(job, async ({ n }) => {
      runs.push(n);
      if (n === 3 && runs.filter((run) => run === 3).length === 1) throw new Error("first run of 3 fails");
      return { status: "done" };
    });
    await inTransaction(database.db, async (tx) => {
      for (let n = 0; n < 10; n++) await worker.enqueue(tx, job, { n });
    });
    await worker.startWorkers();
    await waitFor(
      "every job to complete",
      async () => {
        const rows = await jobRows(database.db, job.id);
        return rows.length === 10 && rows.every((row) => row.state === "completed");
      },
      30_000,
    );
    expect(runs.filter((n) => n === 3)).toHaveLength(2);
    expect(runs.filter((n) => n !== 3).sort()).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
  }, 40_000);
});
