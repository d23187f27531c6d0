// Property-based fuzzing (issue: proof): hostile JSON for every public and portal write — wrong types,
// huge strings, unicode edge cases, prototype-pollution keys, SQL and HTML payloads — must get a 4xx
// with the error shape (or a normal success), never a 5xx, and a refused request writes nothing; and
// hostile path parameters, query strings and cursors on every route of the route table (issue 16.4).
import { sql } from "drizzle-orm";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/platform/db/raw-sql.js";
import type { RoutePolicy } from "../../src/platform/http/auth-guard.js";
import { type Auth, call, participantAuth, signInAs, submitChecked } from "../support/back-office.js";
import { makeProgram } from "../support/factories.js";
import { validSubmission } from "../support/referral-factory.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

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

// Issue 16.4: the query strings, path parameters and cursors of every route in the server's own route
// table (a new route is covered without editing this), with the credentials its access asks for.
describe("hostile paths, query strings and cursors on every route", () => {
  let t: TestApp;
  let programId: string;
  let slug: string;
  let owner: Auth;
  let referrer: Auth;
  let ip = 0;
  const ROUTE_RUNS = Number(process.env.FUZZ_ROUTE_RUNS ?? 6);
  const anyId = "00000000-0000-4000-8000-000000000000";

  beforeAll(async () => {
    t = await createTestApp();
    const { program, scope } = await makeProgram(t.ctx.db);
    programId = program.id;
    slug = program.slug;
    await submitChecked(t, slug, { referrerEmail: "route.fuzz@gmail.com" });
    const [row] = rowsOf<{ id: string }>(
      await t.ctx.db.execute(sql`select id from participants where email = 'route.fuzz@gmail.com'`),
    );
    referrer = await participantAuth(t, row!.id, scope.programId);
    owner = (await signInAs(t, scope.organizationId, "owner")).auth;
  });
  afterAll(() => t.close());

  /** Every route but the two sign-outs, which would end the sessions the others use. */
  const routes = () => t.app.routePolicies.filter((route) => !route.url.endsWith("/logout"));

  function authOf(route: RoutePolicy): Auth | undefined {
    if (route.access.kind === "staff") return owner;
    if (route.access.kind === "participant") return referrer;
    return undefined;
  }

  async function request(route: RoutePolicy, url: string) {
    const auth = authOf(route);
    const hasBody = !["GET", "HEAD", "OPTIONS"].includes(route.method);
    return t.app.inject({
      method: route.method as "GET",
      url,
      remoteAddress: `198.19.${Math.floor(++ip / 250) % 250}.${(ip % 250) + 1}`,
      headers: {
        ...(auth ? { cookie: auth.cookie, "x-csrf-token": auth.csrfToken } : {}),
        ...(hasBody ? { "content-type": "application/json" } : {}),
      },
      ...(hasBody ? { payload: "{}" } : {}),
    });
  }

  function expectNoServerError(route: RoutePolicy, url: string, response: LightMyRequestResponse) {
    const label = `${route.method} ${url.slice(0, 200)} → ${response.body.slice(0, 300)}`;
    expect(response.statusCode, label).toBeLessThan(500);
    const hasBody = route.method !== "HEAD";
    if (hasBody && response.statusCode >= 400 && /json/.test(String(response.headers["content-type"]))) {
      const body = response.json();
      expect(typeof body.error.code, label).toBe("string");
      expect(typeof body.error.message, label).toBe("string");
    }
  }

  /** A path segment or query value: hostile text, percent-encoded, or raw broken percent-encoding. */
  const hostileSegment = fc.oneof(
    // Lone surrogates cannot be percent-encoded as UTF-8: the broken sequences below stand for them.
    hostileString.map((text) => encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD"))),
    fc.constantFrom(
      "-".repeat(36),
      anyId,
      "1e308",
      "-1",
      "NaN",
      "..",
      "%2e%2e%2f",
      "%C0%80",
      "%ED%A0%80",
      "%FF%FE",
      "%E0%80",
      "%",
      "%zz",
      "a%00b",
      "%2500",
      "x".repeat(2000),
    ),
  );

  it("every route with a path parameter validates it with a schema", () => {
    const withParams = t.app.routePolicies.filter(
      (route) => route.url.includes(":") && !route.url.startsWith("/api/docs"),
    );
    expect(withParams.length).toBeGreaterThan(20);
    for (const route of withParams) {
      const names = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1]);
      expect(route.params, `${route.method} ${route.url}`).toEqual(expect.arrayContaining(names));
    }
  });

  it("hostile path parameters never get a 5xx", async () => {
    const withParams = routes().filter((route) => route.url.includes(":"));
    for (const route of withParams) {
      await fc.assert(
        fc.asyncProperty(fc.array(hostileSegment, { minLength: 4, maxLength: 4 }), async (segments) => {
          let i = 0;
          const url = route.url.replace(/:\w+/g, () => segments[i++ % segments.length]!);
          expectNoServerError(route, url, await request(route, url));
        }),
        { numRuns: ROUTE_RUNS },
      );
    }
  }, 240_000);

  it("hostile query strings never get a 5xx", async () => {
    for (const route of routes()) {
      const keys = [...new Set([...(route.query ?? []), "q", "cursor", "limit", "sort", "__proto__"])];
      const base = route.url.replace(/:\w+/g, anyId).replace("*", "x");
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...keys), hostileSegment, { minKeys: 1, maxKeys: 4 }),
          async (query) => {
            const url = `${base}?${Object.entries(query)
              .map(([key, value]) => `${key}=${value}`)
              .join("&")}`;
            expectNoServerError(route, url, await request(route, url));
          },
        ),
        { numRuns: ROUTE_RUNS },
      );
    }
  }, 240_000);

  const cursorOf = (value: unknown) =>
    Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
  const tamperedCursors = [
    cursorOf([1e308, anyId]),
    cursorOf(`[1e309, "${anyId}"]`),
    cursorOf(["1e308", anyId]),
    cursorOf([123, anyId]),
    cursorOf([true, anyId]),
    cursorOf([{ a: 1 }, anyId]),
    cursorOf([["2026-01-01T00:00:00.000Z"], anyId]),
    cursorOf(["2026-01-01T00:00:00.000Z", "-".repeat(36)]),
    cursorOf(["2026-01-01T00:00:00.000Z", 42]),
    cursorOf(["2026-13-45T00:00:00.000Z", anyId]),
    cursorOf(["garbage", anyId]),
    cursorOf(["2026-01-01T00:00:00.000Z", anyId, "extra"]),
    cursorOf({ key: "2026-01-01T00:00:00.000Z", id: anyId }),
    cursorOf("not json at all"),
    cursorOf(["a\u0000b", anyId]),
    "garbage!!",
    "%2F%2F",
  ];

  it("tampered cursors on every list answer 422 invalid_cursor", async () => {
    const lists = routes().filter((route) => route.method === "GET" && route.query?.includes("cursor"));
    // Referrals, tickets, inbound, portal tickets and referrals, fulfilment, suppressions at least.
    expect(lists.length).toBeGreaterThanOrEqual(7);
    for (const route of lists) {
      const programQuery = route.query?.includes("programId") ? `&programId=${programId}` : "";
      for (const cursor of tamperedCursors) {
        const url = `${route.url}?cursor=${cursor}${programQuery}`;
        const response = await request(route, url);
        expect(response.statusCode, `${url} → ${response.body}`).toBe(422);
        expect(response.json().error.code, url).toBe("invalid_cursor");
      }
    }
  });

  it.each([
    ["priority", ["urgent|garbage", anyId]],
    ["priority", ["nope|2026-01-01T00:00:00.000Z", anyId]],
    ["dueAt", ["soon", anyId]],
    ["createdAt", [null, anyId]],
  ])("a ticket cursor that does not fit its sort (%s) answers 422 invalid_cursor", async (sort, value) => {
    const response = await call(t, owner, "GET", `/api/admin/tickets?sort=${sort}&cursor=${cursorOf(value)}`);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.code).toBe("invalid_cursor");
  });

  it.each(["companyName", "createdAt"])(
    "a cursor the list handed out reads the next page (sort %s)",
    async (sort) => {
      await submitChecked(t, slug, { referrerEmail: `route.fuzz.${sort}@gmail.com` });
      const first = await call(t, owner, "GET", `/api/admin/referrals?limit=1&sort=${sort}`);
      expect(first.json().nextCursor).toEqual(expect.any(String));
      const next = await call(
        t,
        owner,
        "GET",
        `/api/admin/referrals?limit=1&sort=${sort}&cursor=${first.json().nextCursor}`,
      );
      expect(next.statusCode, next.body).toBe(200);
      expect(next.json().items).toHaveLength(1);
      expect(next.json().items[0].id).not.toBe(first.json().items[0].id);
    },
  );

  it.each([
    ["public", "/p/a%00b"],
    ["public", "/api/public/programs/a%00b"],
    ["public", "/api/public/programs/a%00b/referrals"],
    ["staff", "/api/admin/referrals?q=a%00b"],
    ["staff", "/api/admin/participants?q=%00"],
    ["staff", "/api/admin/tickets?contactReason=a%00b"],
    ["staff", "/api/admin/tickets?q=x&status=open%00"],
    ["participant", "/api/portal/tickets/a%00b"],
  ] as const)("a NUL byte in the address (%s %s) answers 400 in the error shape", async (who, url) => {
    const auth = who === "staff" ? owner : who === "participant" ? referrer : null;
    const response = await call(t, auth, "GET", url);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe("nul_character");
  });
});
