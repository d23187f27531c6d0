import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../../src/modules/participants/schema.js";
import { referralFindings, referrals } from "../../../src/modules/referrals/schema.js";
import {
  registryCustomers,
  registryPartnerCustomers,
  registryPipeline,
} from "../../../src/modules/registries/schema.js";
import { devMailbox, emailSuppressions } from "../../../src/platform/mail/schema.js";
import { runDelayedNotices } from "../../support/back-office.js";
import { makeProgram } from "../../support/factories.js";
import { cnpjFor, newCnpjRoot, validSubmission } from "../../support/referral-factory.js";
import { createTestApp, TEST_APP_URL, type TestApp } from "../../support/test-app.js";

describe("automatic checks and first referrer wins", () => {
  let t: TestApp;
  let slug: string;
  let organizationId: string;
  let client = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const { program, scope } = await makeProgram(t.ctx.db);
    slug = program.slug;
    organizationId = scope.organizationId;
  });
  afterAll(() => t.close());

  async function submitAndCheck(override: Record<string, unknown> = {}) {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/public/programs/${slug}/referrals`,
      remoteAddress: `198.18.0.${(++client % 250) + 1}`,
      payload: validSubmission(override),
    });
    expect(response.statusCode, response.body).toBe(201);
    await t.drainJobs();
    const [referral] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, response.json().id));
    return referral!;
  }
  /** A referrer whose address is proven (as signing in to the portal once does). */
  async function verifiedReferrer(referrerEmail: string) {
    const first = await submitAndCheck({ referrerEmail });
    await t.ctx.db
      .update(participants)
      .set({ emailVerifiedAt: new Date() })
      .where(eq(participants.id, first.participantId));
  }
  const findingsOf = async (id: string) =>
    (await t.ctx.db.select().from(referralFindings).where(eq(referralFindings.referralId, id))).map(
      (f) => f.kind,
    );

  it("a later referral of the same CNPJ root (another branch) loses to the first", async () => {
    const root = newCnpjRoot();
    const first = await submitAndCheck({ companyCnpj: cnpjFor(root, "0001") });
    const second = await submitAndCheck({ companyCnpj: cnpjFor(root, "0002") });
    expect(first).toMatchObject({ status: "in_progress", duplicateOfId: null });
    expect(second).toMatchObject({
      status: "not_qualified",
      reason: "already_referred",
      duplicateOfId: first.id,
    });
    expect(await findingsOf(second.id)).toContain("already_referred");
  });

  it("without CNPJ, the same corporate contact domain or normalized name is the same company", async () => {
    const byDomain = await submitAndCheck({
      contactEmail: "ana@grupo-orion.com.br",
      companyName: "Orion Alfa",
    });
    const sameDomain = await submitAndCheck({
      contactEmail: "beto@grupo-orion.com.br",
      companyName: "Orion Beta",
    });
    expect(sameDomain).toMatchObject({ reason: "already_referred", duplicateOfId: byDomain.id });

    const byName = await submitAndCheck({ companyName: "Padaria Estrela Ltda." });
    const sameName = await submitAndCheck({ companyName: "PADARIA ESTRELA S.A." });
    expect(sameName).toMatchObject({ reason: "already_referred", duplicateOfId: byName.id });
  });

  it.each([
    ["a zero-width space", "Padaria Lu\u200Bar"],
    ["a Cyrillic е", "Padaria Lu\u0430r"],
    ["a right-to-left override", "Padaria \u202ELuar\u202C"],
  ])(
    "with no CNPJ and free-mail contacts, a look-alike name with %s loses to the first",
    async (_case, lookAlike) => {
      const name = `Padaria Luar ${newCnpjRoot()}`;
      const first = await submitAndCheck({ companyName: name, contactEmail: "ana.luar@gmail.com" });
      const second = await submitAndCheck({
        companyName: name.replace("Padaria Luar", lookAlike),
        contactEmail: "beto.luar@gmail.com",
      });
      expect(second).toMatchObject({ reason: "already_referred", duplicateOfId: first.id });
    },
  );

  it("refuses a company name that is only a legal form or invisible characters (422)", async () => {
    for (const companyName of ["Ltda.", "\u200B\u200B\u200B"]) {
      const response = await t.app.inject({
        method: "POST",
        url: `/api/public/programs/${slug}/referrals`,
        remoteAddress: `198.18.1.${(++client % 250) + 1}`,
        payload: validSubmission({ companyName }),
      });
      expect(response.statusCode).toBe(422);
      expect(Object.keys(response.json().error.fields)).toEqual(["companyName"]);
    }
  });

  it("free-mail domains never match, and different CNPJ roots with the same name are different companies", async () => {
    const a = await submitAndCheck({ contactEmail: "ana.silva@gmail.com", companyName: "Alfa Sistemas" });
    const b = await submitAndCheck({ contactEmail: "bruno.souza@gmail.com", companyName: "Beta Sistemas" });
    expect([a.status, b.status]).toEqual(["in_progress", "in_progress"]);
    const c = await submitAndCheck({ companyName: "Mercado Central", companyCnpj: cnpjFor(newCnpjRoot()) });
    const d = await submitAndCheck({ companyName: "Mercado Central", companyCnpj: cnpjFor(newCnpjRoot()) });
    expect([c.status, d.status]).toEqual(["in_progress", "in_progress"]);
    // …but a later referral of that name without a CNPJ matches the earliest of them.
    const e = await submitAndCheck({ companyName: "Mercado Central Ltda" });
    expect(e).toMatchObject({ reason: "already_referred", duplicateOfId: c.id });
  });

  it.each([
    ["an active customer", "customers", { status: "active" as const }, "already_customer"],
    [
      "a customer who left 3 months ago",
      "customers",
      { status: "churned" as const, churnedOn: monthsAgo(3) },
      "former_customer_recent",
    ],
    [
      "a customer who left 2 years ago",
      "customers",
      { status: "churned" as const, churnedOn: monthsAgo(24) },
      null,
    ],
    ["a partner program customer", "partners", {}, "partner_program_customer"],
    [
      "a lead in the pipeline before the referral",
      "pipeline",
      { enteredOn: monthsAgo(1) },
      "already_in_funnel",
    ],
  ])("%s is found in the registries and decides the outcome", async (_case, registry, row, reason) => {
    const root = newCnpjRoot();
    const cnpj = cnpjFor(root);
    const base = { organizationId, entryKey: cnpj, cnpj, cnpjRoot: root };
    if (registry === "customers")
      await t.ctx.db.insert(registryCustomers).values({ ...base, status: "active", ...row });
    if (registry === "partners") await t.ctx.db.insert(registryPartnerCustomers).values(base);
    if (registry === "pipeline")
      await t.ctx.db.insert(registryPipeline).values({ ...base, enteredOn: monthsAgo(1), ...row });
    const referral = await submitAndCheck({ companyCnpj: cnpjFor(root, "0003") });
    expect(referral.reason).toBe(reason);
    expect(referral.status).toBe(reason ? "not_qualified" : "in_progress");
    expect((await findingsOf(referral.id)).length).toBe(1);
  });

  it("runs once: a second run of the checks changes nothing", async () => {
    const referral = await submitAndCheck();
    const { createReferralChecksHandler } = await import("../../../src/modules/referrals/index.js");
    expect(await createReferralChecksHandler(t.ctx)({ referralId: referral.id })).toEqual({
      status: "skipped",
      detail: "already checked",
    });
  });

  it("a job for several referrals checks each of them, and a second run skips them", async () => {
    const submitted: string[] = [];
    for (const n of [1, 2, 3]) {
      const response = await t.app.inject({
        method: "POST",
        url: `/api/public/programs/${slug}/referrals`,
        remoteAddress: `198.18.1.${n}`,
        payload: validSubmission(),
      });
      expect(response.statusCode, response.body).toBe(201);
      submitted.push(response.json().id);
    }
    const { createReferralChecksHandler } = await import("../../../src/modules/referrals/index.js");
    const check = createReferralChecksHandler(t.ctx);
    expect(await check({ referralIds: submitted })).toEqual({ status: "done", detail: "3× 0 findings" });
    for (const id of submitted) {
      const [row] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, id));
      expect(row!.checksCompletedAt).not.toBeNull();
    }
    expect(await check({ referralIds: submitted })).toEqual({
      status: "done",
      detail: "3× already checked",
    });
    await t.drainJobs(); // the intake's own job finds them checked
  });

  it("records fraud signals for sales without refusing", async () => {
    const referral = await submitAndCheck({ contactEmail: "someone@mailinator.com" });
    expect(referral.status).toBe("in_progress");
    expect(await findingsOf(referral.id)).toContain("disposable_contact_email");
  });

  it("a referral disqualified by the checks is explained to a verified referrer once the program's delay passed", async () => {
    const root = newCnpjRoot();
    await submitAndCheck({ companyCnpj: cnpjFor(root, "0001") });
    const referrerEmail = `second.${root}@gmail.com`;
    await verifiedReferrer(referrerEmail);
    const loser = await submitAndCheck({ companyCnpj: cnpjFor(root, "0002"), referrerEmail });
    expect(loser.status).toBe("not_qualified");
    const subjects = async () =>
      (await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.toAddress, referrerEmail))).map(
        (m) => m.subject,
      );
    expect(await subjects()).not.toContain(`${loser.companyName}: Lead não qualificado`);
    await runDelayedNotices(t);
    const mails = await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.toAddress, referrerEmail));
    expect(mails.map((m) => m.subject)).toContain(`${loser.companyName}: Lead não qualificado`);
    expect(mails.find((m) => m.subject.includes("não qualificado"))!.text).toContain("registro mais antigo");
  });

  it("a referral the checks end never reaches the contact; one they let through does, after the delay", async () => {
    const root = newCnpjRoot();
    const passing = await submitAndCheck({ companyCnpj: cnpjFor(root, "0001") });
    const ended = await submitAndCheck({ companyCnpj: cnpjFor(root, "0002") });
    await t.ctx.db.insert(registryCustomers).values({
      organizationId,
      entryKey: cnpjFor(`${root.slice(0, 7)}9`),
      cnpj: cnpjFor(`${root.slice(0, 7)}9`),
      cnpjRoot: `${root.slice(0, 7)}9`,
      status: "active",
    });
    const customer = await submitAndCheck({ companyCnpj: cnpjFor(`${root.slice(0, 7)}9`, "0003") });
    expect([ended.reason, customer.reason]).toEqual(["already_referred", "already_customer"]);
    const contactMails = async (contactEmail: string) =>
      (await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.toAddress, contactEmail))).length;
    expect(await contactMails(passing.contactEmail)).toBe(0); // not within a second of passing
    await runDelayedNotices(t);
    expect(await contactMails(passing.contactEmail)).toBe(1);
    expect(await contactMails(ended.contactEmail)).toBe(0);
    expect(await contactMails(customer.contactEmail)).toBe(0);
  });

  describe("the referred contact", () => {
    async function consentLink(contactEmail: string): Promise<string> {
      await runDelayedNotices(t);
      const [mail] = await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.toAddress, contactEmail));
      return mail!.links.find((link) => link.startsWith(`${TEST_APP_URL}/c/`))!.slice(TEST_APP_URL.length);
    }

    it("sees who referred them, and objecting disqualifies the referral and stops all later mail", async () => {
      const contactEmail = "objecting.contact@empresa-objeta.com.br";
      const referral = await submitAndCheck({ contactEmail, referrerName: "Joana Indicadora" });
      const url = await consentLink(contactEmail);
      const page = await t.app.inject({ method: "GET", url });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Joana Indicadora");
      // Opening the page (as mail scanners do) changes nothing.
      expect((await t.ctx.db.select().from(referrals).where(eq(referrals.id, referral.id)))[0]!.status).toBe(
        "in_progress",
      );

      const objection = await t.app.inject({
        method: "POST",
        url,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "decision=objected",
      });
      expect(objection.statusCode).toBe(200);
      expect(objection.body).toContain("não enviaremos mais");
      const [after] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, referral.id));
      expect(after).toMatchObject({ status: "not_qualified", reason: "contact_unaware" });
      const suppressed = await t.ctx.db
        .select()
        .from(emailSuppressions)
        .where(eq(emailSuppressions.email, contactEmail));
      expect(suppressed).toHaveLength(1);

      // Another referral of the same person: no e-mail goes out to them again.
      await submitAndCheck({ contactEmail, companyName: "Outra Empresa do Contato" });
      await runDelayedNotices(t);
      expect(
        await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.toAddress, contactEmail)),
      ).toHaveLength(1);
      // A second click cannot turn the objection into a confirmation.
      const again = await t.app.inject({
        method: "POST",
        url,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "decision=confirmed",
      });
      expect(again.body).toContain("não enviaremos mais");
    });

    it("a confirmation is recorded and keeps the referral in progress", async () => {
      const contactEmail = "happy.contact@empresa-feliz.com.br";
      const referral = await submitAndCheck({ contactEmail });
      const url = await consentLink(contactEmail);
      const response = await t.app.inject({
        method: "POST",
        url,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "decision=confirmed",
      });
      expect(response.body).toContain("Obrigado");
      const [after] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, referral.id));
      expect(after!.status).toBe("in_progress");
    });

    it("an unknown token is a 404 page, and the JSON API refuses form bodies", async () => {
      expect((await t.app.inject({ method: "GET", url: "/c/nope" })).statusCode).toBe(404);
      const form = await t.app.inject({
        method: "POST",
        url: `/api/public/programs/${slug}/referrals`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "companyName=x",
      });
      expect(form.statusCode).toBe(415);
    });
  });
});

function monthsAgo(months: number): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}
