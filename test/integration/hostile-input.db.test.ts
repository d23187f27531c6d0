// Property-based fuzzing (issue: proof): hostile JSON for every public and portal write — wrong types,
// huge strings, unicode edge cases, prototype-pollution keys, SQL and HTML payloads — must get a 4xx
// with the error shape (or a normal success), never a 5xx, and a refused request writes nothing.
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/platform/db/raw-sql.js";
import { type Auth, call, participantAuth, submitChecked } from "../support/back-office.js";
import { makeProgram } from "../support/factories.js";
import { validSubmission } from "../support/referral-factory.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const hostileString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1 --",
    "'); drop table referrals; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "\u0000",
    "\u202e\u200b\ufeff",
    "𝕮𝖔𝖗𝖗𝖊𝖓𝖙𝖊 👩🏽‍💻",
    "%00%0d%0a",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
    "${7*7}{{7*7}}",
    "x".repeat(300_000),
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "a"), tie("value"), {
      maxKeys: 3,
    }),
  ),
})).value;

/** A valid body with some fields replaced by hostile values and hostile keys added. */
function mutated(valid: () => Record<string, unknown>) {
  return fc
    .tuple(
      fc.dictionary(fc.constantFrom(...Object.keys(valid())), hostileValue, { maxKeys: 4 }),
      fc.dictionary(fc.constantFrom("__proto__", "constructor", "isAdmin", "role", "status"), hostileValue, {
        maxKeys: 2,
      }),
    )
    .map(([replaced, extra]) => JSON.stringify({ ...valid(), ...replaced, ...extra }));
}

describe("hostile input on public and portal endpoints", () => {
  let t: TestApp;
  let slug: string;
  let referrer: Auth;
  let ip = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const { program, scope } = await makeProgram(t.ctx.db);
    slug = program.slug;
    await submitChecked(t, slug, { referrerEmail: "fuzz.referrer@gmail.com" });
    const [row] = rowsOf<{ id: string }>(
      await t.ctx.db.execute(sql`select id from participants where email = 'fuzz.referrer@gmail.com'`),
    );
    referrer = await participantAuth(t, row!.id, scope.programId);
  });
  afterAll(() => t.close());

  const counts = async () =>
    rowsOf<{ referrals: number; participants: number; consents: number }>(
      await t.ctx.db.execute(sql`select (select count(*)::int from referrals) as referrals,
        (select count(*)::int from participants) as participants,
        (select count(*)::int from consent_records) as consents`),
    )[0]!;

  async function send(method: "POST" | "PATCH", url: string, payload: string, auth?: Auth) {
    return t.app.inject({
      method,
      url,
      remoteAddress: `203.0.${Math.floor(++ip / 250) % 250}.${(ip % 250) + 1}`,
      headers: {
        "content-type": "application/json",
        ...(auth ? { cookie: auth.cookie, "x-csrf-token": auth.csrfToken } : {}),
      },
      payload,
    });
  }

  function expectContractAnswer(response: { statusCode: number; body: string }) {
    expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
    if (response.statusCode >= 400) {
      const body = JSON.parse(response.body);
      expect(typeof body.error.code).toBe("string");
      expect(typeof body.error.message).toBe("string");
    }
  }

  it("referral submissions: 4xx or 201, and a refused one stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(validSubmission), async (payload) => {
        const before = await counts();
        const response = await send("POST", `/api/public/programs/${slug}/referrals`, payload);
        expectContractAnswer(response);
        const after = await counts();
        if (response.statusCode === 201) {
          expect(after.referrals).toBe(before.referrals + 1);
        } else {
          expect(after).toEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it.each([
    ["POST", "/api/portal/login", () => ({ programSlug: "desk-manager", email: "a@b.co" })],
    ["POST", "/api/admin/login", () => ({ email: "a@b.co", password: "a-long-enough-password" })],
  ] as const)("%s %s answers hostile JSON with the error shape", async (method, url, valid) => {
    await fc.assert(
      fc.asyncProperty(mutated(valid), async (payload) =>
        expectContractAnswer(await send(method, url, payload)),
      ),
      { numRuns: RUNS },
    );
  });

  it.each([
    ["PATCH", "/api/portal/profile", () => ({ name: "Rita", phone: "(11) 98765-4321", locale: "pt-BR" })],
    ["POST", "/api/portal/rewards/00000000-0000-4000-8000-000000000000/choice", () => ({ itemId: "x" })],
    ["POST", "/api/portal/leave", () => ({ confirm: false })],
  ] as const)("signed-in %s %s answers hostile JSON with the error shape", async (method, url, valid) => {
    await fc.assert(
      fc.asyncProperty(mutated(valid), async (payload) => {
        // A literal `true` really leaves the program (tested elsewhere); every other value must not.
        fc.pre(JSON.parse(payload).confirm !== true);
        const response = await send(method, url, payload, referrer);
        expectContractAnswer(response);
        expect(response.statusCode).not.toBe(204);
      }),
      { numRuns: RUNS },
    );
    expect((await call(t, referrer, "GET", "/api/portal/profile")).statusCode).toBe(200);
  });

  it("a NUL character (which PostgreSQL text cannot hold) is dropped, not a 500", async () => {
    const response = await send(
      "POST",
      `/api/public/programs/${slug}/referrals`,
      JSON.stringify(validSubmission({ companyName: "Nul\u0000 Ltda", notes: "a\u0000b" })),
    );
    expect(response.statusCode, response.body).toBe(201);
    const [row] = rowsOf<{ company_name: string; notes: string }>(
      await t.ctx.db.execute(sql`select company_name, notes from referrals where id = ${response.json().id}`),
    );
    expect(row).toEqual({ company_name: "Nul Ltda", notes: "ab" });
  });

  it("a referral with HTML in its text fields is accepted and stored as typed", async () => {
    const response = await send(
      "POST",
      `/api/public/programs/${slug}/referrals`,
      JSON.stringify(
        validSubmission({ companyName: "<script>alert(1)</script> Ltda", notes: "<img src=x onerror=1>" }),
      ),
    );
    expect(response.statusCode).toBe(201);
    const [row] = rowsOf<{ company_name: string }>(
      await t.ctx.db.execute(sql`select company_name from referrals where id = ${response.json().id}`),
    );
    expect(row!.company_name).toBe("<script>alert(1)</script> Ltda");
  });
});
