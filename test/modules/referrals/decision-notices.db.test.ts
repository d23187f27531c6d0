// Security review, registry oracle: the checks' decisions reach only a referrer who proved their address,
// after the program's delay; anyone else hears the same whatever the checks decided.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../../src/modules/participants/schema.js";
import { programs } from "../../../src/modules/programs/schema.js";
import { createDecisionNoticeHandler } from "../../../src/modules/referrals/index.js";
import { referrals } from "../../../src/modules/referrals/schema.js";
import { rowsOf } from "../../../src/platform/db/raw-sql.js";
import { emailOutbox } from "../../../src/platform/mail/schema.js";
import {
  type Auth,
  call,
  participantAuth,
  runDelayedNotices,
  signInAs,
  submitChecked,
} from "../../support/back-office.js";
import { makeProgram, unique } from "../../support/factories.js";
import { followSignInLink } from "../../support/portal-sign-in.js";
import { cnpjFor, newCnpjRoot } from "../../support/referral-factory.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { testEngine } from "../../support/test-database.js";

describe(`notices of automatic decisions (${testEngine})`, () => {
  let t: TestApp;
  let slug: string;
  let programId: string;
  let sales: Auth;
  beforeAll(async () => {
    t = await createTestApp();
    const { program, scope } = await makeProgram(t.ctx.db);
    ({ slug, id: programId } = program);
    sales = (await signInAs(t, scope.organizationId, "sales")).auth;
  });
  afterAll(() => t.close());

  const mailsTo = (email: string) =>
    t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
  const templatesTo = async (email: string) => (await mailsTo(email)).map((m) => m.template).sort();
  const statusNoticesTo = async (email: string) =>
    (await mailsTo(email)).filter((m) => m.template === "referrals.status-changed");

  /** A referral the checks disqualify (another referrer had its CNPJ first). */
  async function disqualified(referrerEmail: string) {
    const root = newCnpjRoot();
    await submitChecked(t, slug, { companyCnpj: cnpjFor(root, "0001") });
    return submitChecked(t, slug, { companyCnpj: cnpjFor(root, "0002"), referrerEmail });
  }
  async function verified(referrerEmail: string) {
    await submitChecked(t, slug, { referrerEmail });
    await t.ctx.db
      .update(participants)
      .set({ emailVerifiedAt: new Date() })
      .where(and(eq(participants.email, referrerEmail), eq(participants.programId, programId)));
  }

  it("an unverified referrer hears the same whatever the checks decided, and never the decision", async () => {
    const passing = `${unique("ana")}@gmail.com`;
    const refused = `${unique("bia")}@gmail.com`;
    await submitChecked(t, slug, { referrerEmail: passing });
    const id = await disqualified(refused);
    // Staff see the decision at once.
    expect((await call(t, sales, "GET", `/api/admin/referrals/${id}`)).json()).toMatchObject({
      status: "not_qualified",
      reason: "already_referred",
    });
    expect(await templatesTo(passing)).toEqual(["referrals.referral-received"]);
    expect(await templatesTo(refused)).toEqual(["referrals.referral-received"]);
    const [mail] = await mailsTo(refused);
    expect(mail!.text).toContain("confirme seu e-mail para acompanhá-la");
    expect(mail!.text).toMatch(/\/portal\/auth\//);
    await runDelayedNotices(t);
    expect(await templatesTo(refused)).toEqual(["referrals.referral-received"]);
  });

  it("following the link of that first e-mail verifies the address", async () => {
    const email = `${unique("caio")}@gmail.com`;
    await submitChecked(t, slug, { referrerEmail: email });
    const [mail] = await mailsTo(email);
    const path = new URL(mail!.text!.match(/https?:\/\/\S+\/portal\/auth\/\S+/)![0]).pathname;
    // The link's page asks first (issue 16.11); the address is verified once the referrer confirms.
    const { page, signIn } = await followSignInLink(t.app, path);
    expect(page.statusCode).toBe(200);
    expect(signIn.statusCode).toBe(303);
    const [me] = await t.ctx.db.select().from(participants).where(eq(participants.email, email));
    expect(me!.emailVerifiedAt).not.toBeNull();
    // Verified now: another referral sends no second "confirm your e-mail".
    await submitChecked(t, slug, { referrerEmail: email });
    expect(await templatesTo(email)).toEqual(["referrals.referral-received"]);
  });

  it("a verified referrer hears of the decision once, no sooner than the program's delay", async () => {
    const email = `${unique("duda")}@gmail.com`;
    await verified(email);
    const id = await disqualified(email);
    expect(await statusNoticesTo(email)).toHaveLength(0);
    const [job] = rowsOf<{ run_after: Date; payload: { referralId: string } }>(
      await t.ctx.db.execute(
        sql`select run_after, payload from local_jobs where name = 'referrals.decision-notice' and payload->>'referralId' = ${id}`,
      ),
    );
    const hoursAway = (new Date(job!.run_after).getTime() - Date.now()) / 3_600_000;
    expect(hoursAway).toBeGreaterThan(23.9);
    expect(hoursAway).toBeLessThanOrEqual(24);
    await runDelayedNotices(t);
    expect(await statusNoticesTo(email)).toHaveLength(1);
    const [referral] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, id));
    const again = await createDecisionNoticeHandler(t.ctx)({ referralId: id, version: referral!.version });
    expect(again.status).toBe("skipped");
    expect(await statusNoticesTo(email)).toHaveLength(1);
  });

  it("the portal shows the referrer the decision no sooner than the notice; staff at once", async () => {
    const email = `${unique("gabi")}@gmail.com`;
    await verified(email);
    const id = await disqualified(email);
    const [me] = await t.ctx.db.select().from(participants).where(eq(participants.email, email));
    const auth = await participantAuth(t, me!.id, programId);
    const shown = async () => {
      const list = (await call(t, auth, "GET", "/api/portal/referrals")).json();
      const item = list.items.find((r: { id: string }) => r.id === id);
      return { status: item.status, reason: item.reason, events: item.events.length, counts: list.counts };
    };
    const before = await shown();
    expect(before).toMatchObject({ status: "in_progress", reason: null, events: 1 });
    expect(before.counts.not_qualified).toBe(0);
    const filtered = (await call(t, auth, "GET", "/api/portal/referrals?status=not_qualified")).json();
    expect(filtered.items).toHaveLength(0);
    await runDelayedNotices(t);
    expect(await shown()).toMatchObject({ status: "not_qualified", reason: "already_referred", events: 2 });
  });

  it("survives a restart: another process on the same database sends it when due", async () => {
    const email = `${unique("edu")}@gmail.com`;
    await verified(email);
    await disqualified(email);
    const restarted = await createTestApp({}, { database: t.ctx.database });
    await runDelayedNotices(restarted);
    expect(await statusNoticesTo(email)).toHaveLength(1);
  });

  it("is not sent stale: a referral that moved again before the notice was due gets no late notice", async () => {
    const email = `${unique("fabi")}@gmail.com`;
    await verified(email);
    const id = await disqualified(email);
    // Moved again meanwhile, as an upheld appeal does (its own path: the move takes a new version).
    await t.ctx.db
      .update(referrals)
      .set({ status: "in_progress", reason: null, version: sql`${referrals.version} + 1` })
      .where(eq(referrals.id, id));
    await runDelayedNotices(t);
    expect(await statusNoticesTo(email)).toHaveLength(0);
  });

  it("the delay is the program's setting", async () => {
    const { program } = await makeProgram(t.ctx.db);
    await t.ctx.db
      .update(programs)
      .set({ automaticDecisionNoticeDelayHours: 2 })
      .where(eq(programs.id, program.id));
    const root = newCnpjRoot();
    await submitChecked(t, program.slug, { companyCnpj: cnpjFor(root, "0001") });
    const id = await submitChecked(t, program.slug, { companyCnpj: cnpjFor(root, "0002") });
    const [job] = rowsOf<{ run_after: Date }>(
      await t.ctx.db.execute(
        sql`select run_after from local_jobs where name = 'referrals.decision-notice' and payload->>'referralId' = ${id}`,
      ),
    );
    const hoursAway = (new Date(job!.run_after).getTime() - Date.now()) / 3_600_000;
    expect(hoursAway).toBeGreaterThan(1.9);
    expect(hoursAway).toBeLessThanOrEqual(2);
  });
});
