import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, submitChecked } from "../../support/back-office.js";
import { agentOk, makeHelpdesk, makeReferrer, openTicketOk } from "../../support/helpdesk.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

describe("the referral a ticket is about", () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeHelpdesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await makeHelpdesk(t);
  });
  afterAll(() => t.close());

  const referralOf = (email: string, companyName: string) =>
    submitChecked(t, desk.program.slug, { referrerEmail: email, companyName });

  it("shows on both sides with its company, status and reason, as the referrer picked it", async () => {
    const referralId = await referralOf(desk.referrer.email, "Padaria Central Ltda");
    const opened = await openTicketOk(t, desk.referrer.auth, { referralId });
    const linked = {
      id: referralId,
      companyName: "Padaria Central Ltda",
      status: "in_progress",
      reason: null,
    };
    const portal = (await call(t, desk.referrer.auth, "GET", `/api/portal/tickets/${opened.id}`)).json();
    expect(portal.referral).toEqual(linked);
    const admin = await agentOk(t, desk.agent, "GET", `/api/admin/tickets/${opened.id}`);
    expect(admin.referral).toEqual(linked);
  });

  it("an agent links one of the participant's referrals, changes and unlinks it, each an event naming the company", async () => {
    const first = await referralOf(desk.referrer.email, "Oficina Aurora Ltda");
    const second = await referralOf(desk.referrer.email, "Mercado Bom Preço Ltda");
    const opened = await openTicketOk(t, desk.referrer.auth);
    expect(opened.referralId).toBeNull();
    const url = `/api/admin/tickets/${opened.id}`;
    await agentOk(t, desk.agent, "PATCH", url, { referralId: first });
    await agentOk(t, desk.agent, "PATCH", url, { referralId: second });
    const changed = await agentOk(t, desk.agent, "GET", url);
    expect(changed).toMatchObject({
      referralId: second,
      referral: { companyName: "Mercado Bom Preço Ltda" },
    });
    await agentOk(t, desk.agent, "PATCH", url, { referralId: null });
    const unlinked = await agentOk(t, desk.agent, "GET", url);
    expect(unlinked).toMatchObject({ referralId: null, referral: null });
    const events = (unlinked.events as { kind: string; from: string | null; to: string | null }[]).filter(
      (event) => event.kind === "referral",
    );
    expect(events.map(({ from, to }) => [from, to])).toEqual([
      [null, "Oficina Aurora Ltda"],
      ["Oficina Aurora Ltda", "Mercado Bom Preço Ltda"],
      ["Mercado Bom Preço Ltda", null],
    ]);
  });

  it("refuses someone else's referral, or one that does not exist, with a field error and no change", async () => {
    const other = await makeReferrer(t, desk.scope);
    const othersReferral = await referralOf(other.email, "Escola Futuro ME");
    const opened = await openTicketOk(t, desk.referrer.auth);
    for (const referralId of [othersReferral, "00000000-0000-4000-8000-000000000000"]) {
      const response = await call(t, desk.agent, "PATCH", `/api/admin/tickets/${opened.id}`, { referralId });
      expect(response.statusCode).toBe(422);
      expect(Object.keys(response.json().error.fields)).toEqual(["referralId"]);
    }
    const invalid = await call(t, desk.agent, "PATCH", `/api/admin/tickets/${opened.id}`, {
      referralId: "x",
    });
    expect(invalid.statusCode).toBe(422);
    const ticket = await agentOk(t, desk.agent, "GET", `/api/admin/tickets/${opened.id}`);
    expect(ticket).toMatchObject({ referralId: null, referral: null });
  });
});
