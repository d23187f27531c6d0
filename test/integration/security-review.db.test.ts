// Security review items (issue: proof) that the feature tests leave open. Already covered elsewhere:
// the staff sign-in's rate limit, CSRF and session fixation (staff-auth), sign-in link reuse and
// expiry (portal-sign-in), the headers over HTTP (http-contract), the daily referral limits
// (referral-intake, intake-batching) and the sign-in timing (login-timing). Here: the per-address rate
// limits of referral submission and the referrer sign-in, CSRF and session fixation on the referrer's
// cookie, two clicks on one link at once, and what changes when the product is served over HTTPS.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../src/modules/participants/schema.js";
import { devMailbox } from "../../src/platform/mail/schema.js";
import {
  makeOrganization,
  makeParticipant,
  makeProgram,
  makeStaff,
  TEST_PASSWORD,
} from "../support/factories.js";
import { followSignInLink, signInForm } from "../support/portal-sign-in.js";
import { validSubmission } from "../support/referral-factory.js";
import { createTestApp, TEST_APP_URL, type TestApp } from "../support/test-app.js";

describe("security review", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  let client = 0;
  const nextAddress = () => `192.0.2.${(++client % 250) + 1}`;

  /** A referrer signed in through their e-mailed link: the cookie header and CSRF token to call with. */
  async function signInAsReferrer(headers: Record<string, string> = {}) {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    const url = await signInLinkFor(program.slug, participant.email);
    const { signIn } = await followSignInLink(t.app, url, headers);
    const value = signIn.cookies.find((c) => c.name === "corrente_portal")!.value;
    const cookie = `corrente_portal=${value}`;
    const session = await t.app.inject({ method: "GET", url: "/api/portal/session", headers: { cookie } });
    return { participant, signIn, cookie, csrfToken: session.json().csrfToken as string };
  }

  async function signInLinkFor(programSlug: string, email: string): Promise<string> {
    await t.app.inject({
      method: "POST",
      url: "/api/portal/login",
      remoteAddress: nextAddress(),
      payload: { programSlug, email },
    });
    await t.drainJobs();
    const [mail] = await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.toAddress, email));
    return mail!.links
      .find((link) => link.startsWith(`${TEST_APP_URL}/portal/auth/`))!
      .slice(TEST_APP_URL.length);
  }

  it("rate-limits referral submissions from one client address (30 a minute)", async () => {
    const { program } = await makeProgram(t.ctx.db);
    const statuses: number[] = [];
    // Invalid bodies: the limit counts requests before they are read, and they store nothing.
    for (let i = 0; i < 31; i++) {
      const response = await t.app.inject({
        method: "POST",
        url: `/api/public/programs/${program.slug}/referrals`,
        remoteAddress: "203.0.113.30",
        payload: {},
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(422));
    expect(statuses[30]).toBe(429);
    const other = await t.app.inject({
      method: "POST",
      url: `/api/public/programs/${program.slug}/referrals`,
      remoteAddress: "203.0.113.31",
      payload: validSubmission(),
    });
    expect(other.statusCode).toBe(201);
  });

  it("rate-limits the landing page's form posts from one client address (30 a minute)", async () => {
    const { program } = await makeProgram(t.ctx.db);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await t.app.inject({
        method: "POST",
        url: `/p/${program.slug}`,
        remoteAddress: "203.0.113.40",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "referrerName=",
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("rate-limits referrer sign-in requests from one client address (10 a minute)", async () => {
    const { program } = await makeProgram(t.ctx.db);
    const responses = [];
    for (let i = 0; i < 11; i++) {
      responses.push(
        await t.app.inject({
          method: "POST",
          url: "/api/portal/login",
          remoteAddress: "203.0.113.50",
          payload: { programSlug: program.slug, email: `someone-${i}@example.com` },
        }),
      );
    }
    expect(responses.slice(0, 10).map((r) => r.statusCode)).toEqual(Array(10).fill(202));
    expect(responses[10]!.statusCode).toBe(429);
    expect(responses[10]!.json().error.code).toBe("rate_limited");
  });

  it("refuses a referrer's cookie-authenticated write without the session's CSRF token", async () => {
    const referrer = await signInAsReferrer();
    const other = await signInAsReferrer();
    for (const headers of [
      { cookie: referrer.cookie },
      { cookie: referrer.cookie, "x-csrf-token": other.csrfToken },
    ]) {
      const response = await t.app.inject({
        method: "PATCH",
        url: "/api/portal/profile",
        headers,
        payload: { name: "Changed By A Forged Request" },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("csrf_failed");
    }
    const [stored] = await t.ctx.db
      .select({ name: participants.name })
      .from(participants)
      .where(eq(participants.id, referrer.participant.id));
    expect(stored!.name).toBe(referrer.participant.name);
    const withToken = await t.app.inject({
      method: "PATCH",
      url: "/api/portal/profile",
      headers: { cookie: referrer.cookie, "x-csrf-token": referrer.csrfToken },
      payload: { name: "Changed By The Referrer" },
    });
    expect(withToken.statusCode).toBe(200);
  });

  it("a referrer's sign-in sets a new session cookie, so a planted one is never promoted", async () => {
    const planted = "corrente_portal=attacker-chosen-value";
    const { signIn } = await signInAsReferrer({ cookie: planted });
    const cookie = signIn.cookies.find((c) => c.name === "corrente_portal")!;
    expect(cookie.value).not.toBe("attacker-chosen-value");
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const withPlanted = await t.app.inject({
      method: "GET",
      url: "/api/portal/session",
      headers: { cookie: planted },
    });
    expect(withPlanted.json()).toEqual({ participant: null });
  });

  it("two clicks on one sign-in link at once open one session", async () => {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    const url = await signInLinkFor(program.slug, participant.email);
    // Four tabs show the page; their four confirmations race.
    const pages = await Promise.all(Array.from({ length: 4 }, () => t.app.inject({ method: "GET", url })));
    const clicks = await Promise.all(
      pages.map((page) => {
        const form = signInForm(page);
        return t.app.inject({
          method: "POST",
          url: form.action,
          headers: { cookie: form.cookie, "content-type": "application/x-www-form-urlencoded" },
          payload: new URLSearchParams({ confirmation: form.confirmation }).toString(),
        });
      }),
    );
    const signedIn = clicks.filter((c) => c.headers.location === "/portal");
    expect(signedIn).toHaveLength(1);
    expect(clicks.filter((c) => String(c.headers.location).includes("error=link_invalid"))).toHaveLength(3);
  });

  describe("served over HTTPS", () => {
    let https: TestApp;
    beforeAll(async () => {
      https = await createTestApp({ APP_URL: "https://corrente.example" });
    });
    afterAll(() => https.close());

    it("sends Strict-Transport-Security and asks browsers to upgrade insecure requests", async () => {
      const response = await https.app.inject({ method: "GET", url: "/healthz" });
      expect(response.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
      expect(response.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
    });

    it("marks the staff session cookie Secure", async () => {
      const org = await makeOrganization(https.ctx.db);
      const staff = await makeStaff(https.ctx.db, org.id);
      const response = await https.app.inject({
        method: "POST",
        url: "/api/admin/login",
        remoteAddress: nextAddress(),
        payload: { email: staff.email, password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === "corrente_staff")!;
      expect(cookie.secure).toBe(true);
      expect(cookie.httpOnly).toBe(true);
    });
  });

  it("forbids framing by any site (clickjacking)", async () => {
    const response = await t.app.inject({ method: "GET", url: "/admin" });
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("over plain HTTP sends no Strict-Transport-Security (it would lock browsers out of a local install)", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });
});
