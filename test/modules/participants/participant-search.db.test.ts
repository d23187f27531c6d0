import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../support/back-office.js";
import { makeProgram } from "../../support/factories.js";
import { makeHelpdesk, makeReferrer } from "../../support/helpdesk.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

describe("staff find a referrer of their organization", () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeHelpdesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await makeHelpdesk(t);
  });
  afterAll(() => t.close());

  const search = (q: string) =>
    call(t, desk.agent, "GET", `/api/admin/participants?q=${encodeURIComponent(q)}`);

  it("by the start of the e-mail (any case) or a piece of the name, with their program", async () => {
    const byEmail = await search(desk.referrer.email.slice(0, 8).toUpperCase());
    expect(byEmail.statusCode, byEmail.body).toBe(200);
    expect(byEmail.json().items).toContainEqual(
      expect.objectContaining({
        id: desk.referrer.id,
        email: desk.referrer.email,
        program: expect.any(Object),
      }),
    );
    const byName = await search(desk.referrer.name.slice(2, 8));
    expect(byName.json().items.map((item: { id: string }) => item.id)).toContain(desk.referrer.id);
  });

  it("never another organization's referrers, and wildcards are literal", async () => {
    const elsewhere = await makeProgram(t.ctx.db);
    const outsider = await makeReferrer(t, elsewhere.scope);
    expect((await search(outsider.email)).json().items).toEqual([]);
    expect((await search("%%")).json().items).toEqual([]);
  });

  it("asks for at least two characters (422 on the field)", async () => {
    const short = await search("a");
    expect(short.statusCode).toBe(422);
    expect(short.json().error.fields.q).toBeDefined();
  });
});
