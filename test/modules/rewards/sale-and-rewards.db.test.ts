import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referrals } from "../../../src/modules/referrals/schema.js";
import { rewardItems, rewardOffers } from "../../../src/modules/rewards/schema.js";
import { devMailbox } from "../../../src/platform/mail/schema.js";
import {
  type Auth,
  call,
  moveOk,
  participantAuth,
  signInAs,
  submitChecked,
} from "../../support/back-office.js";
import { makeProgram } from "../../support/factories.js";
import { cnpjFor, newCnpjRoot } from "../../support/referral-factory.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

describe("sale, reward offer, choice and fulfilment", () => {
  let t: TestApp;
  let slug: string;
  let programId: string;
  let organizationId: string;
  let sales: Auth;
  let admin: Auth;
  beforeAll(async () => {
    t = await createTestApp();
    const { program, scope } = await makeProgram(t.ctx.db);
    ({ slug } = program);
    ({ programId, organizationId } = scope);
    sales = (await signInAs(t, organizationId, "sales")).auth;
    admin = (await signInAs(t, organizationId, "admin")).auth;
  });
  afterAll(() => t.close());

  async function inCommercialProcess(override: Record<string, unknown> = {}) {
    const id = await submitChecked(t, slug, { companyCnpj: cnpjFor(newCnpjRoot()), ...override });
    await moveOk(t, sales, id, "qualified");
    await moveOk(t, sales, id, "in_commercial_process");
    return id;
  }
  const sell = (id: string, body: Record<string, unknown> = {}) =>
    call(t, sales, "POST", `/api/admin/referrals/${id}/sale`, {
      cnpjs: [cnpjFor(newCnpjRoot()), cnpjFor(newCnpjRoot())],
      isUpgrade: false,
      closedAt: "2026-02-14",
      ...body,
    });
  async function newItem(overrides: Record<string, unknown> = {}) {
    const response = await call(t, admin, "POST", "/api/admin/rewards/catalog", {
      programId,
      name: { "pt-BR": "Vale-presente", en: "Gift card" },
      description: { "pt-BR": "R$ 200", en: "BRL 200" },
      kind: "voucher",
      ...overrides,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  }
  async function soldOffer() {
    const id = await inCommercialProcess();
    const sold = await sell(id);
    expect(sold.statusCode, sold.body).toBe(201);
    const [referral] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, id));
    const referrer = await participantAuth(t, referral!.participantId, programId);
    return { referralId: id, offerId: sold.json().offer.id as string, referrer };
  }

  it("a sale of several CNPJs earns exactly one offer, due the month after the sale", async () => {
    const id = await inCommercialProcess();
    const response = await sell(id);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.referral).toMatchObject({ status: "sale_confirmed", sale: { isUpgrade: false } });
    expect(body.referral.sale.cnpjs).toHaveLength(2);
    expect(body.offer).toMatchObject({ status: "awaiting_choice", dueMonth: "2026-03", item: null });
    const offers = await t.ctx.db.select().from(rewardOffers).where(eq(rewardOffers.referralId, id));
    expect(offers).toHaveLength(1);
  });

  it("a sale closed in December is due in January of the next year", async () => {
    const response = await sell(await inCommercialProcess(), { closedAt: "2025-12-31" });
    expect(response.json().offer.dueMonth).toBe("2026-01");
  });

  it("an upgrade earns nothing", async () => {
    const response = await sell(await inCommercialProcess(), { isUpgrade: true });
    expect(response.statusCode).toBe(201);
    expect(response.json().offer).toBeNull();
  });

  it("concurrent sale confirmations of one referral make one sale and one offer", async () => {
    const id = await inCommercialProcess();
    const answers = await Promise.all(Array.from({ length: 5 }, () => sell(id)));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe("sale_already_recorded");
    const offers = await t.ctx.db.select().from(rewardOffers).where(eq(rewardOffers.referralId, id));
    expect(offers).toHaveLength(1);
  });

  it("refuses a sale outside the commercial process, bad CNPJs and a future closing date", async () => {
    const qualified = await submitChecked(t, slug);
    await moveOk(t, sales, qualified, "qualified");
    const early = await sell(qualified);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("illegal_transition");
    const id = await inCommercialProcess();
    const badCnpj = await sell(id, { cnpjs: [cnpjFor(newCnpjRoot()), "12.345.678/0001-00"] });
    expect(badCnpj.statusCode).toBe(422);
    expect(Object.keys(badCnpj.json().error.fields)).toEqual(["cnpjs.1"]);
    const future = await sell(id, { closedAt: "2999-01-01" });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.fields.closedAt).toBeDefined();
  });

  it("tells the referrer by e-mail and WhatsApp that a reward awaits", async () => {
    const { referralId } = await soldOffer();
    await t.drainJobs();
    const [referral] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, referralId));
    const mail = await t.ctx.db
      .select()
      .from(devMailbox)
      .where(and(eq(devMailbox.channel, "whatsapp"), eq(devMailbox.toAddress, "+5511987654321")));
    expect(mail.some((m) => m.text.includes(referral!.companyName) && m.text.includes("março"))).toBe(true);
    const emails = await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.channel, "email"));
    expect(emails.some((m) => m.subject.startsWith("Venda confirmada: escolha seu prêmio"))).toBe(true);
  });

  it("the referrer chooses among items active now, not those of the sale's time", async () => {
    const retired = await newItem();
    const { offerId, referrer } = await soldOffer();
    const patched = await call(t, admin, "PATCH", `/api/admin/rewards/catalog/${retired.id}`, {
      isActive: false,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const added = await newItem({ name: { "pt-BR": "Fone de ouvido", en: "Headphones" }, kind: "physical" });

    const listed = (await call(t, referrer, "GET", "/api/portal/rewards")).json();
    expect(listed.availableItems.map((i: { id: string }) => i.id)).toContain(added.id);
    expect(listed.availableItems.map((i: { id: string }) => i.id)).not.toContain(retired.id);

    const refused = await call(t, referrer, "POST", `/api/portal/rewards/${offerId}/choice`, {
      itemId: retired.id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("reward_item_unavailable");
    const chosen = await call(t, referrer, "POST", `/api/portal/rewards/${offerId}/choice`, {
      itemId: added.id,
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({ status: "chosen", dueMonth: "2026-03", item: { id: added.id } });

    // Editing or retiring the item later never alters the choice.
    await call(t, admin, "PATCH", `/api/admin/rewards/catalog/${added.id}`, {
      name: { "pt-BR": "Outro nome", en: "Other name" },
      isActive: false,
    });
    const after = (await call(t, referrer, "GET", "/api/portal/rewards")).json();
    expect(after.items.find((o: { id: string }) => o.id === offerId).item.name["pt-BR"]).toBe(
      "Fone de ouvido",
    );
    const again = await call(t, referrer, "POST", `/api/portal/rewards/${offerId}/choice`, {
      itemId: added.id,
    });
    expect(again.json().error.code).toBe("offer_already_chosen");
  });

  it("two choices for the last unit: one wins, stock ends at zero", async () => {
    const scarce = await newItem({ stock: 1 });
    const [a, b] = await Promise.all([soldOffer(), soldOffer()]);
    const answers = await Promise.all(
      [a, b].map((o) =>
        call(t, o.referrer, "POST", `/api/portal/rewards/${o.offerId}/choice`, { itemId: scarce.id }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [item] = await t.ctx.db.select().from(rewardItems).where(eq(rewardItems.id, scarce.id));
    expect(item!.stock).toBe(0);
  });

  it("a referrer cannot see or choose another referrer's offer", async () => {
    const item = await newItem();
    const mine = await soldOffer();
    const theirs = await soldOffer();
    const response = await call(t, mine.referrer, "POST", `/api/portal/rewards/${theirs.offerId}/choice`, {
      itemId: item.id,
    });
    expect(response.statusCode).toBe(404);
    const listed = (await call(t, mine.referrer, "GET", "/api/portal/rewards")).json();
    expect(listed.items.map((o: { id: string }) => o.id)).toEqual([mine.offerId]);
  });

  it("fulfilment: delivery needs a choice; a delay note reaches the referrer", async () => {
    const item = await newItem();
    const { offerId, referrer } = await soldOffer();
    const early = await call(t, admin, "PATCH", `/api/admin/rewards/${offerId}`, { status: "delivered" });
    expect(early.json().error.code).toBe("offer_not_chosen");
    const noNote = await call(t, admin, "PATCH", `/api/admin/rewards/${offerId}`, { status: "delayed" });
    expect(noNote.statusCode).toBe(422);
    await call(t, referrer, "POST", `/api/portal/rewards/${offerId}/choice`, { itemId: item.id });
    const delayed = await call(t, admin, "PATCH", `/api/admin/rewards/${offerId}`, {
      status: "delayed",
      delayNote: "Greve dos Correios",
    });
    expect(delayed.json()).toMatchObject({ status: "delayed", delayNote: "Greve dos Correios" });
    const seen = (await call(t, referrer, "GET", "/api/portal/rewards")).json().items[0];
    expect(seen).toMatchObject({ status: "delayed", delayNote: "Greve dos Correios" });
    const delivered = await call(t, admin, "PATCH", `/api/admin/rewards/${offerId}`, {
      status: "delivered",
      deliveryReference: "VOUCHER-123",
    });
    expect(delivered.json()).toMatchObject({ status: "delivered", deliveryReference: "VOUCHER-123" });
    const queue = (
      await call(t, admin, "GET", `/api/admin/rewards/fulfilment?programId=${programId}&status=delivered`)
    ).json();
    expect(queue.items.map((o: { id: string }) => o.id)).toContain(offerId);
    expect(queue.counts.delivered).toBeGreaterThanOrEqual(1);
  });

  it("catalog: field errors for bad input; sales may not manage it; other organizations see 404", async () => {
    const bad = await call(t, admin, "POST", "/api/admin/rewards/catalog", {
      programId,
      name: { "pt-BR": "", en: "x" },
      description: { "pt-BR": "d", en: "d" },
      kind: "car",
      stock: -1,
      imageUrl: "javascript:alert(1)",
    });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["imageUrl", "kind", "name.pt-BR", "stock"]);
    expect(
      (await call(t, sales, "GET", `/api/admin/rewards/catalog?programId=${programId}`)).statusCode,
    ).toBe(403);
    const other = await makeProgram(t.ctx.db);
    const stranger = (await signInAs(t, other.scope.organizationId, "owner")).auth;
    const item = await newItem();
    expect(
      (await call(t, stranger, "GET", `/api/admin/rewards/catalog?programId=${programId}`)).statusCode,
    ).toBe(404);
    const patch = await call(t, stranger, "PATCH", `/api/admin/rewards/catalog/${item.id}`, {
      isActive: false,
    });
    expect(patch.statusCode).toBe(404);
  });
});
