// Issue 16.10: the development mailbox lists every sign-in link. Anyone may read it only while the
// server listens on loopback alone (and no proxy forwards to it); otherwise only signed-in staff, and
// everyone else gets the 404 of an address that does not exist. Production has no mailbox at all,
// and its API document does not list it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/platform/db/raw-sql.js";
import { type Auth, call, participantAuth, signInAs, submitChecked } from "../support/back-office.js";
import { makeProgram } from "../support/factories.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

const MAILBOX_URLS = ["/api/dev/mailbox", "/dev/mailbox"];

async function appWith(env: Record<string, string>) {
  const t = await createTestApp(env);
  const { program, scope } = await makeProgram(t.ctx.db);
  await submitChecked(t, program.slug, { referrerEmail: "mailbox.referrer@gmail.com" });
  const [row] = rowsOf<{ id: string }>(
    await t.ctx.db.execute(sql`select id from participants where email = 'mailbox.referrer@gmail.com'`),
  );
  const referrer = await participantAuth(t, row!.id, scope.programId);
  const staff = (await signInAs(t, scope.organizationId, "sales")).auth;
  return { t, referrer, staff };
}

describe.each([
  ["HOST=127.0.0.1", { HOST: "127.0.0.1" }],
  ["HOST=localhost", { HOST: "localhost" }],
  ["HOST=::1", { HOST: "::1" }],
])("listening on loopback only (%s)", (_name, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = (await appWith(env)).t;
  });
  afterAll(() => t.close());

  it.each(MAILBOX_URLS)("anyone reads %s", async (url) => {
    const response = await call(t, null, "GET", url);
    expect(response.statusCode).toBe(200);
  });
});

describe.each([
  ["HOST=0.0.0.0", { HOST: "0.0.0.0" }],
  ["HOST=192.0.2.10", { HOST: "192.0.2.10" }],
  ["loopback behind a proxy", { HOST: "127.0.0.1", TRUST_PROXY: "true" }],
])("reachable from elsewhere (%s)", (_name, env) => {
  let t: TestApp;
  let referrer: Auth;
  let staff: Auth;
  beforeAll(async () => {
    ({ t, referrer, staff } = await appWith(env));
  });
  afterAll(() => t.close());

  it.each(MAILBOX_URLS)("%s is a 404 to anonymous callers and referrers", async (url) => {
    for (const auth of [null, referrer]) {
      const response = await call(t, auth, "GET", url);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("route_not_found");
    }
  });

  it.each(MAILBOX_URLS)("a signed-in staff member reads %s", async (url) => {
    const response = await call(t, staff, "GET", url);
    expect(response.statusCode).toBe(200);
  });

  it("the JSON mailbox holds what was sent, for staff", async () => {
    const response = await call(t, staff, "GET", "/api/dev/mailbox");
    expect(response.json().items.length).toBeGreaterThan(0);
  });
});

describe("production", () => {
  let t: TestApp;
  let staff: Auth;
  beforeAll(async () => {
    ({ t, staff } = await appWith({
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      APP_SECRET: "dev-mailbox-test-secret-dev-mailbox-test",
    }));
  });
  afterAll(() => t.close());

  it.each(MAILBOX_URLS)("%s does not exist, even for staff on loopback", async (url) => {
    for (const auth of [null, staff]) {
      const response = await call(t, auth, "GET", url);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("route_not_found");
    }
  });

  it("the API document does not list the mailbox", async () => {
    const document = (await call(t, null, "GET", "/api/openapi.json")).json();
    expect(Object.keys(document.paths)).not.toContain("/api/dev/mailbox");
    expect(Object.keys(document.paths)).toContain("/api/admin/tickets");
  });
});

describe("the development API document", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("lists the mailbox (for the web app's types and local tools)", async () => {
    const document = (await call(t, null, "GET", "/api/openapi.json")).json();
    expect(Object.keys(document.paths)).toContain("/api/dev/mailbox");
  });
});
