// Security review (issue 16.5): staff sign-in was limited per client address only, so 64 wrong
// passwords spread over 32 addresses all got 401. Now one e-mail's failures are counted whatever the
// address, in the database every web process shares.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffUsers } from "../../../src/modules/staff/schema.js";
import { SIGN_IN_FAILURES_ALLOWED } from "../../../src/modules/staff/sign-in-throttle.js";
import { emailOutbox } from "../../../src/platform/mail/schema.js";
import { rateLimitCounters } from "../../../src/platform/rate-limits/schema.js";
import { makeOrganization, makeStaff, TEST_PASSWORD, unique } from "../../support/factories.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

describe("per-account sign-in protection", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  let block = 0;
  /** 32 addresses of their own per call: no per-address limit is ever reached. */
  const addresses = () => {
    block++;
    return Array.from({ length: 32 }, (_, i) => `10.${block}.${i}.7`);
  };
  const signIn = (email: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: "POST", url: "/api/admin/login", remoteAddress, payload: { email, password } });

  /** 64 wrong passwords for `email`, two from each of 32 addresses, one after the other. */
  async function guess64(email: string) {
    const from = addresses();
    const answers = [];
    for (let i = 0; i < 64; i++) answers.push(await signIn(email, `guess-${i}-wrong`, from[i % 32]!));
    return answers;
  }

  const lockMailsTo = (email: string) =>
    t.ctx.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, "staff.sign-in-locked")));

  it("64 wrong passwords from 32 addresses: the first 10 get 401, the rest 429", async () => {
    const org = await makeOrganization(t.ctx.db);
    const staff = await makeStaff(t.ctx.db, org.id);
    const answers = await guess64(staff.email);
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.slice(0, SIGN_IN_FAILURES_ALLOWED)).toEqual(Array(SIGN_IN_FAILURES_ALLOWED).fill(401));
    expect(statuses.slice(SIGN_IN_FAILURES_ALLOWED)).toEqual(Array(64 - SIGN_IN_FAILURES_ALLOWED).fill(429));
    const locked = answers.at(-1)!;
    expect(locked.json().error.code).toBe("sign_in_locked");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);
  });

  it("a locked account answers 429 even to the right password from a new address, until the lock ends", async () => {
    const org = await makeOrganization(t.ctx.db);
    const staff = await makeStaff(t.ctx.db, org.id);
    const from = addresses();
    for (let i = 0; i < SIGN_IN_FAILURES_ALLOWED; i++) {
      expect((await signIn(staff.email, "wrong-password", from[i]!)).statusCode).toBe(401);
    }
    const right = await signIn(staff.email, TEST_PASSWORD, "192.0.2.200");
    expect(right.statusCode).toBe(429);
    expect(right.cookies.find((c) => c.name === "corrente_staff")).toBeUndefined();
    // The same e-mail in other letters is the same account.
    expect((await signIn(staff.email.toUpperCase(), TEST_PASSWORD, "192.0.2.201")).statusCode).toBe(429);

    // Fifteen minutes later (the lock's end, moved to the past): the right password works again.
    await t.ctx.db.update(rateLimitCounters).set({ expiresAt: new Date(Date.now() - 1000) });
    const later = await signIn(staff.email, TEST_PASSWORD, "192.0.2.202");
    expect(later.statusCode).toBe(200);
  });

  it("a right password ends the count: failures before it do not add up to a lock", async () => {
    const org = await makeOrganization(t.ctx.db);
    const staff = await makeStaff(t.ctx.db, org.id);
    const from = addresses();
    for (let i = 0; i < SIGN_IN_FAILURES_ALLOWED - 1; i++)
      await signIn(staff.email, "wrong-password", from[i]!);
    expect((await signIn(staff.email, TEST_PASSWORD, from[20]!)).statusCode).toBe(200);
    for (let i = 0; i < SIGN_IN_FAILURES_ALLOWED - 1; i++) {
      expect((await signIn(staff.email, "wrong-password", from[i]!)).statusCode).toBe(401);
    }
    expect((await signIn(staff.email, TEST_PASSWORD, from[21]!)).statusCode).toBe(200);
  });

  it("the account is e-mailed once per lock, in its own language; the e-mail is in the outbox", async () => {
    const org = await makeOrganization(t.ctx.db);
    const portuguese = await makeStaff(t.ctx.db, org.id);
    const english = await makeStaff(t.ctx.db, org.id);
    await t.ctx.db.update(staffUsers).set({ locale: "en" }).where(eq(staffUsers.id, english.id));
    await guess64(portuguese.email);
    await guess64(english.email);

    const [toPortuguese, ...morePt] = await lockMailsTo(portuguese.email);
    expect(morePt).toHaveLength(0);
    expect(toPortuguese).toMatchObject({ organizationId: org.id, locale: "pt-BR" });
    expect(toPortuguese!.subject).toBe("A entrada na sua conta foi bloqueada por um tempo");
    expect(toPortuguese!.text).toContain("15 minutos");
    const [toEnglish, ...moreEn] = await lockMailsTo(english.email);
    expect(moreEn).toHaveLength(0);
    expect(toEnglish!.subject).toBe("Sign-in to your account was locked for a while");
    expect(toEnglish!.text).toContain("locked for 15 minutes, even with the right password");
  });

  it("an e-mail with no account gets the same answers, in the same order, and no e-mail", async () => {
    const org = await makeOrganization(t.ctx.db);
    const staff = await makeStaff(t.ctx.db, org.id);
    const nobody = `${unique("nobody")}@example.com`;
    const known = await guess64(staff.email);
    const unknown = await guess64(nobody);
    expect(unknown.map((answer) => answer.statusCode)).toEqual(known.map((answer) => answer.statusCode));
    expect(unknown.map((answer) => answer.body)).toEqual(known.map((answer) => answer.body));
    expect(unknown.at(-1)!.headers["retry-after"]).toBeDefined();
    expect(await t.ctx.db.$count(emailOutbox, eq(emailOutbox.toAddress, nobody))).toBe(0);
  });

  it("the counters name no e-mail: keys are HMACs", async () => {
    const org = await makeOrganization(t.ctx.db);
    const staff = await makeStaff(t.ctx.db, org.id);
    await signIn(staff.email, "wrong-password", "192.0.2.210");
    const keys = (await t.ctx.db.select().from(rateLimitCounters)).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((key) => key.includes(staff.email) || key.includes("192.0.2.210"))).toBe(false);
  });
});
