import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeMonthlyDigests } from "../../../src/modules/notifications/compose-digest.js";
import { parseDigestArgs, previousMonth } from "../../../src/modules/notifications/index.js";
import { monthlyDigests } from "../../../src/modules/notifications/schema.js";
import { participants } from "../../../src/modules/participants/schema.js";
import { referrals } from "../../../src/modules/referrals/schema.js";
import { suppressAddress } from "../../../src/platform/mail/outbox.js";
import { devMailbox, emailOutbox } from "../../../src/platform/mail/schema.js";
import { createMailSendHandler } from "../../../src/platform/mail/send-job.js";
import { moveOk, signInAs, submitChecked } from "../../support/back-office.js";
import { makeProgram, unique } from "../../support/factories.js";
import { cnpjFor, newCnpjRoot } from "../../support/referral-factory.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

describe("monthly status e-mail", () => {
  let t: TestApp;
  let slug: string;
  let programId: string;
  let organizationId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const { program, scope } = await makeProgram(t.ctx.db);
    ({ slug } = program);
    ({ programId, organizationId } = scope);
  });
  afterAll(() => t.close());

  /** A referrer with referrals created at the given instants; returns their e-mail. */
  async function referrerWith(createdAt: Date[], email = `${unique("ref")}@gmail.com`) {
    for (const at of createdAt) {
      const id = await submitChecked(t, slug, { referrerEmail: email });
      await t.ctx.db.update(referrals).set({ createdAt: at }).where(eq(referrals.id, id));
    }
    return email;
  }
  /** The digests of `month` the referrer received, once workers have sent what was composed. */
  const digestsTo = async (email: string, month: string) => {
    await t.drainJobs();
    return t.ctx.db
      .select({
        subject: devMailbox.subject,
        text: devMailbox.text,
        html: devMailbox.html,
        replyTo: devMailbox.replyTo,
        messageId: devMailbox.messageId,
      })
      .from(devMailbox)
      .innerJoin(emailOutbox, eq(emailOutbox.messageId, devMailbox.messageId))
      .innerJoin(monthlyDigests, eq(monthlyDigests.outboxId, emailOutbox.id))
      .where(and(eq(devMailbox.toAddress, email), eq(monthlyDigests.month, month)));
  };

  it("lists every referral with its status and reason, with the reply address", async () => {
    const email = await referrerWith([new Date("2026-03-05T12:00:00Z"), new Date("2026-03-20T12:00:00Z")]);
    const [first] = await t.ctx.db
      .select({ id: referrals.id, companyName: referrals.companyName })
      .from(referrals)
      .innerJoin(participants, eq(participants.id, referrals.participantId))
      .where(eq(participants.email, email));
    const sales = (await signInAs(t, organizationId, "sales")).auth;
    await moveOk(t, sales, first!.id, "not_qualified", "already_in_funnel");
    await composeMonthlyDigests(t.ctx, "2026-03");
    const [digest] = await digestsTo(email, "2026-03");
    expect(digest!.subject).toBe("Suas indicações em março de 2026: 2 indicações");
    expect(digest!.text).toContain(`${first!.companyName} (05/03/2026)`);
    expect(digest!.text).toContain("Lead não qualificado. Motivo: Lead já estava no funil");
    expect(digest!.text).toContain("Indicação em andamento");
    expect(digest!.replyTo).toMatch(/^reply\+[^@]+@corrente\.test$/);
    expect(digest!.text).toContain("Ver minhas indicações: http://corrente.test/portal/referrals");
    expect(digest!.html).toContain(first!.companyName);
  });

  it("shows a decision of the checks no sooner than its notice is due", async () => {
    const root = newCnpjRoot();
    await submitChecked(t, slug, { companyCnpj: cnpjFor(root, "0001") });
    const email = `${unique("ref")}@gmail.com`;
    const id = await submitChecked(t, slug, { referrerEmail: email, companyCnpj: cnpjFor(root, "0002") });
    await t.ctx.db
      .update(referrals)
      .set({ createdAt: new Date("2026-04-30T20:00:00Z") })
      .where(eq(referrals.id, id));
    await composeMonthlyDigests(t.ctx, "2026-04");
    const [april] = await digestsTo(email, "2026-04");
    expect(april!.text).toContain("Indicação em andamento");
    expect(april!.text).not.toContain("Lead não qualificado");
    await t.ctx.db
      .update(referrals)
      .set({ decisionNoticeDueAt: new Date(Date.now() - 1000) })
      .where(eq(referrals.id, id));
    await composeMonthlyDigests(t.ctx, "2026-05");
    const [may] = await digestsTo(email, "2026-05");
    expect(may!.text).toContain("Lead não qualificado");
  });

  it("is written in the referrer's language", async () => {
    const email = await referrerWith([new Date("2026-09-10T12:00:00Z")]);
    await t.ctx.db.update(participants).set({ locale: "en" }).where(eq(participants.email, email));
    await composeMonthlyDigests(t.ctx, "2026-09");
    const [digest] = await digestsTo(email, "2026-09");
    expect(digest!.subject).toBe("Your referrals in September 2026: 1 referral");
    expect(digest!.text).toContain("(10 Sep 2026)");
    expect(digest!.text).toContain("See my referrals: http://corrente.test/portal/referrals");
  });

  it("is rendered by its first delivery attempt, and a retry sends what that attempt rendered", async () => {
    const email = await referrerWith([new Date("2026-08-10T12:00:00Z")]);
    await composeMonthlyDigests(t.ctx, "2026-08");
    const [{ outboxId }] = (await t.ctx.db
      .select({ outboxId: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, "notifications.monthly-digest")),
      )) as [{ outboxId: string }];
    const failing = createMailSendHandler(t.ctx.db, {
      kind: "smtp",
      deliver: async () => {
        throw new Error("connection refused");
      },
      close: () => {},
    });
    await expect(failing({ outboxId })).rejects.toThrow("connection refused");
    const [attempted] = await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(attempted!.subject).toBe("Suas indicações em agosto de 2026: 1 indicação");
    // Whatever the data would render to now (a new release, say), the retry sends the same message.
    await t.ctx.db
      .update(emailOutbox)
      .set({ templateData: { brand: "Changed", data: {} } })
      .where(eq(emailOutbox.id, outboxId));
    const [digest] = await digestsTo(email, "2026-08");
    expect(digest).toMatchObject({
      subject: attempted!.subject,
      text: attempted!.text,
      html: attempted!.html,
      messageId: attempted!.messageId,
    });
  });

  it("is composed exactly once per referrer and month, even by two runs at the same moment", async () => {
    const emails = await Promise.all([1, 2, 3].map(() => referrerWith([new Date("2026-04-10T12:00:00Z")])));
    const [a, b] = await Promise.all([
      composeMonthlyDigests(t.ctx, "2026-04"),
      composeMonthlyDigests(t.ctx, "2026-04"),
    ]);
    expect(a.composed + b.composed).toBeGreaterThanOrEqual(3);
    const again = await composeMonthlyDigests(t.ctx, "2026-04");
    expect(again.composed).toBe(0);
    for (const email of emails) expect(await digestsTo(email, "2026-04")).toHaveLength(1);
    const outbox = await t.ctx.db.select().from(emailOutbox).where(inArray(emailOutbox.toAddress, emails));
    expect(outbox.filter((m) => m.template === "notifications.monthly-digest")).toHaveLength(3);
  });

  it("skips suppressed addresses, referrers who left or opted out, and those without referrals", async () => {
    const suppressed = await referrerWith([new Date("2026-05-02T12:00:00Z")]);
    await suppressAddress(t.ctx.db, programId, suppressed, "bounced");
    const left = await referrerWith([new Date("2026-05-02T12:00:00Z")]);
    await t.ctx.db.update(participants).set({ status: "left" }).where(eq(participants.email, left));
    const optedOut = await referrerWith([new Date("2026-05-02T12:00:00Z")]);
    await t.ctx.db
      .update(participants)
      .set({ wantsMonthlyDigest: false })
      .where(eq(participants.email, optedOut));
    const laterOnly = await referrerWith([new Date("2026-06-02T12:00:00Z")]);
    const wanted = await referrerWith([new Date("2026-05-02T12:00:00Z")]);
    await composeMonthlyDigests(t.ctx, "2026-05");
    for (const email of [suppressed, left, optedOut, laterOnly])
      expect(await digestsTo(email, "2026-05")).toHaveLength(0);
    expect(await digestsTo(wanted, "2026-05")).toHaveLength(1);
  });

  it("counts months in the program's time zone (São Paulo), not UTC", async () => {
    // 2026-07-01T02:30Z is still 30 June in São Paulo (UTC−3); 03:30Z is already 1 July.
    const lateJune = await referrerWith([new Date("2026-07-01T02:30:00Z")]);
    const earlyJuly = await referrerWith([new Date("2026-07-01T03:30:00Z")]);
    await composeMonthlyDigests(t.ctx, "2026-06");
    const [june] = await digestsTo(lateJune, "2026-06");
    expect(june!.text).toContain("(30/06/2026)");
    expect(await digestsTo(earlyJuly, "2026-06")).toHaveLength(0);
  });

  it("the CLI defaults to last month and refuses a malformed one", () => {
    expect(previousMonth("2027-01-15")).toBe("2026-12");
    expect(parseDigestArgs(["--month", "2026-11"])).toEqual({ month: "2026-11" });
    expect(() => parseDigestArgs(["--month", "2026-13"])).toThrow(/YYYY-MM/);
  });
});
