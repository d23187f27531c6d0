// Security review, anonymous intake: a public referral naming an existing referrer's e-mail is
// accepted, but it proves nothing about who typed it, so it changes nothing of the referrer.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../../src/modules/participants/schema.js";
import { referrals } from "../../../src/modules/referrals/schema.js";
import { type Auth, call, participantAuth, signInAs, submitChecked } from "../../support/back-office.js";
import { makeProgram, unique } from "../../support/factories.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

describe("a public referral with an existing referrer's e-mail", () => {
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

  const referrerOf = async (email: string) =>
    (await t.ctx.db.select().from(participants).where(eq(participants.email, email)))[0]!;

  it("keeps the referrer's name and phone; the referral keeps what was typed, for sales to see", async () => {
    const email = `${unique("rita")}@gmail.com`;
    await submitChecked(t, slug, {
      referrerEmail: email,
      referrerName: "Rita Souza",
      referrerPhone: "11987654321",
    });
    const before = await referrerOf(email);
    const id = await submitChecked(t, slug, {
      referrerEmail: email,
      referrerName: "Someone Else",
      referrerPhone: "(21) 99999-0000",
    });
    const after = await referrerOf(email);
    expect(after).toMatchObject({ id: before.id, name: "Rita Souza", phone: "+5511987654321" });
    expect(after.updatedAt).toEqual(before.updatedAt);
    const [referral] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, id));
    expect(referral).toMatchObject({ participantId: before.id, referrerName: "Someone Else" });
    const detail = (await call(t, sales, "GET", `/api/admin/referrals/${id}`)).json();
    expect(detail).toMatchObject({
      referrer: { name: "Rita Souza" },
      referrerPhone: "+5511987654321",
      submittedReferrerName: "Someone Else",
      submittedReferrerPhone: "+5521999990000",
    });
  });

  it("the signed-in portal still changes the profile", async () => {
    const email = `${unique("rita")}@gmail.com`;
    await submitChecked(t, slug, { referrerEmail: email });
    const me = await referrerOf(email);
    const auth = await participantAuth(t, me.id, programId);
    const changed = await call(t, auth, "PATCH", "/api/portal/profile", {
      name: "Rita Nova",
      phone: "21988887777",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await referrerOf(email)).toMatchObject({ name: "Rita Nova", phone: "+5521988887777" });
  });

  it("does not bring back a referrer who left: the referral is stored, the referrer stays out", async () => {
    const email = `${unique("rita")}@gmail.com`;
    await submitChecked(t, slug, { referrerEmail: email });
    const me = await referrerOf(email);
    const auth = await participantAuth(t, me.id, programId);
    expect((await call(t, auth, "POST", "/api/portal/leave", { confirm: true })).statusCode).toBe(204);
    const id = await submitChecked(t, slug, { referrerEmail: email });
    expect(await referrerOf(email)).toMatchObject({ status: "left" });
    const [referral] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, id));
    expect(referral!.participantId).toBe(me.id);
  });
});
