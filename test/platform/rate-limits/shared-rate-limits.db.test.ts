// Security review (issue 16.5): rate limits were counted in each web process's memory, so N
// processes behind a load balancer allowed N times the limit. The counters are now rows every process
// shares: a limit reached through one app instance holds in another on the same database.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/platform/db/client.js";
import { rowsOf } from "../../../src/platform/db/raw-sql.js";
import { countHits, deleteExpiredCounters, readCounter } from "../../../src/platform/rate-limits/counters.js";
import { rateLimitCounters } from "../../../src/platform/rate-limits/schema.js";
import { makeProgram } from "../../support/factories.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { testEngine } from "../../support/test-database.js";

describe(`rate limits shared by every web process (${testEngine})`, () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
    // On PostgreSQL the second instance has its own connection pool, as a second process would.
    const url = (a.ctx.database as { url?: string }).url;
    const database = url ? await openDatabase({ databaseUrl: url, dataDir: "" }) : a.ctx.database;
    b = await createTestApp({}, { database });
  });
  afterAll(async () => {
    if (b.ctx.database !== a.ctx.database) await b.close();
    else {
      await b.app.close();
      await b.ctx.jobs.stop();
    }
    await a.close();
  });

  const requestLink = (app: TestApp, programSlug: string, remoteAddress: string) =>
    app.app.inject({
      method: "POST",
      url: "/api/portal/login",
      remoteAddress,
      payload: { programSlug, email: "someone@example.com" },
    });

  it("a per-route limit reached through instance A is enforced by instance B", async () => {
    const { program } = await makeProgram(a.ctx.db);
    // POST /api/portal/login allows 10 a minute per client address.
    for (let i = 0; i < 10; i++) {
      expect((await requestLink(a, program.slug, "203.0.113.50")).statusCode).toBe(202);
    }
    const throughB = await requestLink(b, program.slug, "203.0.113.50");
    expect(throughB.statusCode).toBe(429);
    expect(throughB.json().error.code).toBe("rate_limited");
    expect(Number(throughB.headers["retry-after"])).toBeGreaterThan(0);
    // Another address, and the same address on another route, are counted apart.
    expect((await requestLink(b, program.slug, "203.0.113.51")).statusCode).toBe(202);
    const page = await b.app.inject({
      method: "GET",
      url: "/c/no-such-token",
      remoteAddress: "203.0.113.50",
    });
    expect(page.statusCode).toBe(404);
  });

  it("hits arriving together on both instances are all counted: exactly the limit gets through", async () => {
    const { program } = await makeProgram(a.ctx.db);
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => requestLink(i % 2 ? a : b, program.slug, "203.0.113.60")),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses.filter((status) => status === 202)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
  });

  it("a window ends: the next hit starts a new one; rows over a minute past their end are deleted", async () => {
    const [first] = await countHits(a.ctx.db, [{ key: "test:window", count: 3, windowMs: 60_000 }]).then(
      (states) => [...states.values()],
    );
    expect(first).toMatchObject({ hits: 3 });
    expect(first!.ttlMs).toBeGreaterThan(59_000);
    await a.ctx.db.execute(
      sql`update ${rateLimitCounters} set expires_at = now() - interval '1 second' where key = 'test:window'`,
    );
    expect(await readCounter(a.ctx.db, "test:window")).toEqual({ hits: 0, ttlMs: 0 });
    const [again] = [
      ...(await countHits(b.ctx.db, [{ key: "test:window", count: 1, windowMs: 60_000 }])).values(),
    ];
    expect(again).toMatchObject({ hits: 1 });

    await countHits(a.ctx.db, [{ key: "test:old", count: 1, windowMs: 1000 }]);
    await a.ctx.db.execute(
      sql`update ${rateLimitCounters} set expires_at = now() - interval '2 minutes' where key = 'test:old'`,
    );
    expect(await deleteExpiredCounters(a.ctx.db)).toBeGreaterThanOrEqual(1);
    const left = rowsOf<{ key: string }>(
      await a.ctx.db.execute(sql`select key from ${rateLimitCounters} where key like 'test:%'`),
    ).map((row) => row.key);
    expect(left).toEqual(["test:window"]);
  });

  it("stores no client address: keys are HMACs of the route and the address", async () => {
    const { program } = await makeProgram(a.ctx.db);
    await requestLink(a, program.slug, "198.51.100.77");
    const keys = rowsOf<{ key: string }>(
      await a.ctx.db.execute(sql`select key from ${rateLimitCounters}`),
    ).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => key.includes("198.51.100.77") || key.includes("/api/"))).toEqual([]);
  });
});
