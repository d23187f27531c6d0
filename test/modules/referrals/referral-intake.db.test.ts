import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../../src/modules/participants/schema.js";
import { programs } from "../../../src/modules/programs/schema.js";
import { consentRecords, referralEvents, referrals } from "../../../src/modules/referrals/schema.js";
import { devMailbox } from "../../../src/platform/mail/schema.js";
import { runDelayedNotices } from "../../support/back-office.js";
import { makeProgram } from "../../support/factories.js";
import { cnpjFor, newCnpjRoot, validSubmission } from "../../support/referral-factory.js";
import { createTestApp, TEST_APP_URL, type TestApp } from "../../support/test-app.js";

describe("referral intake", () => {
  let t: TestApp;
  let slug: string;
  let programId: string;
  let client = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const { program } = await makeProgram(t.ctx.db);
    slug = program.slug;
    programId = program.id;
  });
  afterAll(() => t.close());

  const submit = (body: unknown, programSlug = slug) =>
    t.app.inject({
      method: "POST",
      url: `/api/public/programs/${programSlug}/referrals`,
      remoteAddress: `203.0.113.${(++client % 250) + 1}`,
      payload: body as object,
    });
  const referralCount = async () =>
    (await t.ctx.db.select({ n: count() }).from(referrals).where(eq(referrals.programId, programId)))[0]!.n;

  it("accepts a valid referral and stores it with its consent records, event and the contact's notice", async () => {
    const body = validSubmission();
    const response = await submit(body);
    expect(response.statusCode).toBe(201);
    const { id, status } = response.json();
    expect(status).toBe("in_progress");
    const [referral] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, id));
    expect(referral).toMatchObject({ status: "in_progress", reason: null, contactPhone: "+552133334444" });
    const [referrer] = await t.ctx.db
      .select()
      .from(participants)
      .where(eq(participants.id, referral!.participantId));
    expect(referrer).toMatchObject({ email: body.referrerEmail, phone: "+5511987654321", isCustomer: true });
    const consents = await t.ctx.db.select().from(consentRecords).where(eq(consentRecords.referralId, id));
    expect(consents.map((c) => c.kind).sort()).toEqual(["contact_aware", "no_purchased_data", "terms"]);
    expect(consents.every((c) => c.termsVersion === "2021-10-01" && c.ip !== null)).toBe(true);
    const events = await t.ctx.db.select().from(referralEvents).where(eq(referralEvents.referralId, id));
    expect(events).toMatchObject([{ fromStatus: null, toStatus: "in_progress", actorKind: "system" }]);
    await runDelayedNotices(t);
    const [notice] = await t.ctx.db
      .select()
      .from(devMailbox)
      .where(eq(devMailbox.toAddress, body.contactEmail));
    expect(notice!.subject).toContain("Rita Referrer");
    expect(notice!.links.some((link) => link.startsWith(`${TEST_APP_URL}/c/`))).toBe(true);
  });

  it.each([
    ["a malformed referrer e-mail", { referrerEmail: "rita@" }, "referrerEmail"],
    ["a malformed contact e-mail", { contactEmail: "carlos at empresa" }, "contactEmail"],
    ["a malformed phone", { referrerPhone: "123" }, "referrerPhone"],
    ["a referrer under 18 today", { referrerBirthDate: yearsAgo(17) }, "referrerBirthDate"],
    ["terms not accepted", { acceptTerms: false }, "acceptTerms"],
    ["the contact-aware declaration missing", { declaresContactAware: false }, "declaresContactAware"],
    [
      "the no-purchased-data declaration missing",
      { declaresNoPurchasedData: undefined },
      "declaresNoPurchasedData",
    ],
    ["invalid CNPJ check digits", { companyCnpj: "11.222.333/0001-82" }, "companyCnpj"],
    ["invalid alphanumeric CNPJ check digits", { companyCnpj: "12.ABC.345/01DE-36" }, "companyCnpj"],
    [
      "a self-referral",
      { referrerEmail: "ana@acme.com.br", contactEmail: "bruno@acme.com.br" },
      "contactEmail",
    ],
    ["an unknown department", { contactDepartment: "sales" }, "contactDepartment"],
  ])("refuses %s with a field error and stores nothing", async (_case, override, field) => {
    const before = await referralCount();
    const response = await submit(validSubmission(override));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields[field]).toBeDefined();
    expect(await referralCount()).toBe(before);
  });

  it("names every field error at once: the age and the self-referral with the schema's errors", async () => {
    const response = await submit(
      validSubmission({
        referrerBirthDate: yearsAgo(16),
        referrerPhone: "123",
        referrerEmail: "ana@acme.com.br",
        contactEmail: "bruno@acme.com.br",
        declaresContactAware: false,
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(Object.keys(response.json().error.fields).sort()).toEqual([
      "contactEmail",
      "declaresContactAware",
      "referrerBirthDate",
      "referrerPhone",
    ]);
    expect(response.json().error.fields.referrerBirthDate).toEqual(["É preciso ter 18 anos ou mais."]);
  });

  it.each([
    ["12.ABC.345/01DE-35"],
    ["12abc34501de35"],
    [cnpjFor("11222333").replace(/^(..)(...)(...)(....)(..)$/, "$1.$2.$3/$4-$5")],
  ])("accepts the CNPJ %s (numeric or alphanumeric, with or without punctuation)", async (cnpj) => {
    const response = await submit(validSubmission({ companyCnpj: cnpj }));
    expect(response.statusCode).toBe(201);
  });

  it("refuses an unknown program (404) and a program outside its period (422)", async () => {
    expect((await submit(validSubmission(), "no-such-program")).statusCode).toBe(404);
    const { program } = await makeProgram(t.ctx.db);
    await t.ctx.db.update(programs).set({ endsOn: "2022-01-01" }).where(eq(programs.id, program.id));
    const closed = await submit(validSubmission(), program.slug);
    expect(closed.statusCode).toBe(422);
    expect(closed.json().error.code).toBe("program_not_running");
  });

  it("refuses the referrer's referrals past the daily limit with 429", async () => {
    const { program } = await makeProgram(t.ctx.db);
    await t.ctx.db
      .update(programs)
      .set({ dailyReferralLimitPerReferrer: 2 })
      .where(eq(programs.id, program.id));
    const referrerEmail = "busy.referrer@gmail.com";
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await submit(validSubmission({ referrerEmail }), program.slug)).statusCode);
    expect(statuses).toEqual([201, 201, 429]);
  });

  it("answers a filled honeypot like a success and stores nothing", async () => {
    const before = await referralCount();
    const response = await submit(validSubmission({ website: "http://spam.example" }));
    expect(response.statusCode).toBe(201);
    expect(response.json().status).toBe("in_progress");
    expect(await referralCount()).toBe(before);
  });

  it("answers byte-identically (but for the id) whatever the registries and earlier referrals hold", async () => {
    const root = newCnpjRoot();
    const first = await submit(validSubmission({ companyCnpj: cnpjFor(root) }));
    const duplicate = await submit(validSubmission({ companyCnpj: cnpjFor(root, "0002") }));
    const fresh = await submit(validSubmission());
    const strip = (body: string) => body.replace(/"id":"[0-9a-f-]{36}"/, '"id":"*"');
    expect(strip(duplicate.body)).toBe(strip(fresh.body));
    expect(strip(first.body)).toBe(strip(fresh.body));
    expect(duplicate.statusCode).toBe(fresh.statusCode);
    expect(Object.keys(duplicate.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
  });
});

function yearsAgo(years: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
