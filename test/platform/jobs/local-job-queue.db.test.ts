import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { inTransaction } from "../../../src/platform/db/transaction.js";
import { defineJob } from "../../../src/platform/jobs/job.js";
import { LocalJobQueue } from "../../../src/platform/jobs/local-queue.js";
import { localJobs } from "../../../src/platform/jobs/schema.js";
import { openTestDatabase, type TestDatabase } from "../../support/test-database.js";

const countJob = defineJob("test.count", z.object({ n: z.number() }), { retryLimit: 2 });

describe("the in-process job queue", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  const newQueue = () => new LocalJobQueue(database.db, pino({ level: "silent" }));

  it("runs a job only if the transaction that enqueued it commits", async () => {
    const queue = newQueue();
    const seen: number[] = [];
    queue.register(countJob, async ({ n }) => {
      seen.push(n);
      return { status: "done" };
    });
    await inTransaction(database.db, (tx) => queue.enqueue(tx, countJob, { n: 1 }));
    await expect(
      inTransaction(database.db, async (tx) => {
        await queue.enqueue(tx, countJob, { n: 2 });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow();
    await queue.drain();
    expect(seen).toEqual([1]);
  });

  it("retries a failing job with backoff, then marks it failed after its retry limit", async () => {
    const queue = newQueue();
    let calls = 0;
    queue.register(countJob, async () => {
      calls++;
      throw new Error("still broken");
    });
    await queue.enqueue(database.db, countJob, { n: 99 });
    for (let attempt = 0; attempt < 5; attempt++) {
      await queue.drain();
      // Skip the backoff wait instead of sleeping through it.
      await database.db.update(localJobs).set({ runAfter: sql`now()` }).where(eq(localJobs.status, "queued"));
    }
    expect(calls).toBe(3);
    const [job] = await database.db.select().from(localJobs).where(sql`${localJobs.payload} ->> 'n' = '99'`);
    expect(job).toMatchObject({ status: "failed", attempts: 3, lastError: "still broken" });
  });

  it("runs again, on restart, a job a crash left active", async () => {
    const [row] = await database.db
      .insert(localJobs)
      .values({ name: countJob.id, payload: { n: 7 }, status: "active", attempts: 1 })
      .returning();
    const queue = newQueue();
    const seen: number[] = [];
    queue.register(countJob, async ({ n }) => {
      seen.push(n);
      return { status: "done" };
    });
    await queue.startWorkers();
    await queue.stop();
    await queue.drain();
    expect(seen).toContain(7);
    const [after] = await database.db.select().from(localJobs).where(eq(localJobs.id, row!.id));
    expect(after!.status).toBe("done");
  });

  it("keeps one job per singleton key", async () => {
    const queue = newQueue();
    for (let i = 0; i < 3; i++)
      await queue.enqueue(database.db, countJob, { n: 500 + i }, { singletonKey: "once" });
    const rows = await database.db.select().from(localJobs).where(eq(localJobs.singletonKey, "once"));
    expect(rows).toHaveLength(1);
  });

  it("refuses a payload that does not match the job's schema", async () => {
    const queue = newQueue();
    await expect(
      queue.enqueue(database.db, countJob, { n: "x" } as unknown as { n: number }),
    ).rejects.toThrow();
  });
});
