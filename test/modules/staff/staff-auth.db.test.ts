import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffSessions } from "../../../src/modules/staff/schema.js";
import {
  makeOrganization,
  makeProgram,
  makeStaff,
  signInAsStaff,
  TEST_PASSWORD,
} from "../../support/factories.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

describe("staff sign-in and sessions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("signs in with e-mail and password and stores only a hash of the session cookie", async () => {
    const org = await makeOrganization(t.ctx.db);
    const staff = await makeStaff(t.ctx.db, org.id, "sales");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/login",
      payload: { email: ` ${staff.email.toUpperCase()} `, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: staff.id, role: "sales", organizationId: org.id });
    const cookie = response.cookies.find((c) => c.name === "corrente_staff")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const rows = await t.ctx.db.select().from(staffSessions).where(eq(staffSessions.staffUserId, staff.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(cookie.value);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers a wrong password and an unknown e-mail alike", async () => {
    const org = await makeOrganization(t.ctx.db);
    const staff = await makeStaff(t.ctx.db, org.id);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/admin/login",
      payload: { email: staff.email, password: "nope" },
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/admin/login",
      payload: { email: "nobody@example.com", password: "nope" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
  });

  it("refuses malformed sign-in input with field errors", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/login",
      payload: { email: "not-an-email" },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe("validation_failed");
    expect(Object.keys(response.json().error.fields).sort()).toEqual(["email", "password"]);
  });

  it("a session shows its own organization only, and logout revokes it", async () => {
    const org = await makeOrganization(t.ctx.db);
    const { program } = await makeProgram(t.ctx.db, org.id);
    await makeProgram(t.ctx.db); // another organization's program
    const staff = await makeStaff(t.ctx.db, org.id);
    const { cookie, csrfToken } = await signInAsStaff(t.app, staff.email);

    const session = await t.app.inject({ method: "GET", url: "/api/admin/session", headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.json().programs.map((p: { id: string }) => p.id)).toEqual([program.id]);

    const logout = await t.app.inject({
      method: "POST",
      url: "/api/admin/logout",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    // A session that ended is nobody: no error for the web app to log.
    const after = await t.app.inject({ method: "GET", url: "/api/admin/session", headers: { cookie } });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ user: null });
  });

  it("refuses a cookie-authenticated write without the session's CSRF token", async () => {
    const org = await makeOrganization(t.ctx.db);
    const staff = await makeStaff(t.ctx.db, org.id);
    const first = await signInAsStaff(t.app, staff.email);
    const second = await signInAsStaff(t.app, staff.email);
    for (const headers of [
      { cookie: first.cookie },
      { cookie: first.cookie, "x-csrf-token": second.csrfToken },
    ]) {
      const response = await t.app.inject({ method: "POST", url: "/api/admin/logout", headers });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("csrf_failed");
    }
    const stillSignedIn = await t.app.inject({
      method: "GET",
      url: "/api/admin/session",
      headers: { cookie: first.cookie },
    });
    expect(stillSignedIn.statusCode).toBe(200);
  });

  it("gives each sign-in a new session, so a planted cookie is never promoted", async () => {
    const org = await makeOrganization(t.ctx.db);
    const staff = await makeStaff(t.ctx.db, org.id);
    const planted = "corrente_staff=attacker-chosen-value";
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/login",
      headers: { cookie: planted },
      payload: { email: staff.email, password: TEST_PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === "corrente_staff")!.value).not.toBe(
      "attacker-chosen-value",
    );
    const withPlanted = await t.app.inject({
      method: "GET",
      url: "/api/admin/session",
      headers: { cookie: planted },
    });
    expect(withPlanted.json()).toEqual({ user: null });
  });

  it("rate-limits password attempts", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/admin/login",
        remoteAddress: "203.0.113.9",
        payload: { email: "brute@example.com", password: `guess-${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
