// Issue 16.3: behind proxies, the client address is the entry the last trusted proxy appended to
// X-Forwarded-For, never the left-most one the client wrote itself. What it decides is checked where
// it is kept: the referral's submitted address and its consent records' (LGPD evidence).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/platform/db/raw-sql.js";
import { makeProgram } from "../support/factories.js";
import { validSubmission } from "../support/referral-factory.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

/** Submits a referral from the socket peer `remoteAddress` with the given X-Forwarded-For. */
async function submittedFrom(t: TestApp, slug: string, remoteAddress: string, forwardedFor?: string) {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/public/programs/${slug}/referrals`,
    remoteAddress,
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    payload: validSubmission(),
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().id as string;
  const [row] = rowsOf<{ submitted: string; consent: string }>(
    await t.ctx.db.execute(sql`select host(r.submitted_ip) as submitted,
      (select host(c.ip) from consent_records c where c.referral_id = r.id limit 1) as consent
      from referrals r where r.id = ${id}`),
  );
  return row!;
}

describe.each([
  ["true", { submitted: "203.0.113.9", consent: "203.0.113.9" }],
  ["1", { submitted: "203.0.113.9", consent: "203.0.113.9" }],
])("TRUST_PROXY=%s: one proxy in front", (setting, expected) => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: setting });
    slug = (await makeProgram(t.ctx.db)).program.slug;
  });
  afterAll(() => t.close());

  it("a forged left-most X-Forwarded-For entry is not the client address", async () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy (10.0.0.2) appended what it saw.
    expect(await submittedFrom(t, slug, "10.0.0.2", "6.6.6.6, 203.0.113.9")).toEqual(expected);
  });

  it("two forged entries change nothing either", async () => {
    expect(await submittedFrom(t, slug, "10.0.0.2", "6.6.6.6,7.7.7.7 , 203.0.113.9")).toEqual(expected);
  });
});

describe("TRUST_PROXY=2: two proxies in front", () => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "2" });
    slug = (await makeProgram(t.ctx.db)).program.slug;
  });
  afterAll(() => t.close());

  it("skips the two proxies' entries, not more", async () => {
    const row = await submittedFrom(t, slug, "10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1");
    expect(row.submitted).toBe("203.0.113.9");
  });
});

describe("TRUST_PROXY as a list of proxy addresses and ranges", () => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "10.0.0.0/8, 192.0.2.7" });
    slug = (await makeProgram(t.ctx.db)).program.slug;
  });
  afterAll(() => t.close());

  it("skips only the listed proxies, from the right", async () => {
    const row = await submittedFrom(t, slug, "10.1.2.3", "6.6.6.6, 203.0.113.9, 192.0.2.7, 10.0.0.9");
    expect(row).toEqual({ submitted: "203.0.113.9", consent: "203.0.113.9" });
  });

  it("a forged entry that names a listed proxy is skipped too, not taken", async () => {
    const row = await submittedFrom(t, slug, "10.1.2.3", "10.9.9.9, 203.0.113.9");
    expect(row.submitted).toBe("203.0.113.9");
  });

  it("a peer that is not a listed proxy is the client, whatever it forwards", async () => {
    const row = await submittedFrom(t, slug, "198.51.100.20", "6.6.6.6, 203.0.113.9");
    expect(row).toEqual({ submitted: "198.51.100.20", consent: "198.51.100.20" });
  });
});

describe("TRUST_PROXY unset", () => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await createTestApp();
    slug = (await makeProgram(t.ctx.db)).program.slug;
  });
  afterAll(() => t.close());

  it("X-Forwarded-For is ignored: the socket's peer is the client", async () => {
    const row = await submittedFrom(t, slug, "198.51.100.21", "6.6.6.6");
    expect(row).toEqual({ submitted: "198.51.100.21", consent: "198.51.100.21" });
  });
});
