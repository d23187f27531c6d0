// The in-process runner gives way to the web requests of its process: on PGlite a run of jobs answers
// without I/O, and without a turn of the event loop between jobs a request would wait for all of them.
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { RequestActivity } from "../../../src/platform/http/request-activity.js";
import { defineJob } from "../../../src/platform/jobs/job.js";
import { LocalJobQueue } from "../../../src/platform/jobs/local-queue.js";
import { openTestDatabase, type TestDatabase } from "../../support/test-database.js";

const busyJob = defineJob("test.busy", z.object({ n: z.number() }));
const JOBS = 150;

describe("the in-process job runner and the web requests", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("answers a request while a long run of jobs is under way, and still runs them all", async () => {
    const activity = new RequestActivity();
    const queue = new LocalJobQueue(database.db, pino({ level: "silent" }), {
      beforeEachJob: () => activity.whenIdle(500),
    });
    let ran = 0;
    queue.register(busyJob, async () => {
      await database.db.execute(sql`select count(*) from generate_series(1, 2000)`);
      ran++;
      return { status: "done" };
    });
    for (let n = 0; n < JOBS; n++) await queue.enqueue(database.db, busyJob, { n });

    const app = Fastify();
    activity.track(app);
    app.get("/ping", async () => ({ ranBefore: ran }));
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const draining = queue.drain();
      // Let the run start, then ask.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const answered = (await (await fetch(`${address}/ping`)).json()) as { ranBefore: number };
      const ranWhenAnswered = ran;
      expect(await draining).toBe(JOBS);
      expect(ran).toBe(JOBS);
      // Answered long before the run ended (without the yield it waited for every job).
      expect(ranWhenAnswered).toBeLessThan(JOBS / 2);
      expect(answered.ranBefore).toBeLessThan(JOBS / 2);
    } finally {
      await app.close();
    }
  });

  it("waits for the requests in flight to end before the next job, up to its limit", async () => {
    const activity = new RequestActivity();
    const app = Fastify();
    activity.track(app);
    let release: () => void = () => {};
    app.get("/slow", () => new Promise((resolve) => (release = () => resolve({ ok: true }))));
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      expect(activity.busy).toBe(false);
      const slow = fetch(`${address}/slow`);
      while (!activity.busy) await new Promise((resolve) => setTimeout(resolve, 5));
      const started = Date.now();
      await activity.whenIdle(100); // nobody ends the request: the limit ends the wait
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      const waiting = activity.whenIdle(10_000);
      release();
      await slow;
      await waiting; // ends with the request, not at its limit
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(activity.busy).toBe(false);
    } finally {
      await app.close();
    }
  });
});
