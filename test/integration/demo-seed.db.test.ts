import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN_EMAIL, seedDemo } from "../../src/demo/seed-demo.js";
import { participants } from "../../src/modules/participants/schema.js";
import { organizations, programs } from "../../src/modules/programs/schema.js";
import { referrals } from "../../src/modules/referrals/schema.js";
import { rewardItems, rewardOffers } from "../../src/modules/rewards/schema.js";
import { staffUsers } from "../../src/modules/staff/schema.js";
import { todayIn } from "../../src/shared/today.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

describe("the demo seed", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("creates the desk-manager program encoding the policy, exactly once", async () => {
    const first = await seedDemo(t.ctx.db);
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const [second, third] = await Promise.all([seedDemo(t.ctx.db), seedDemo(t.ctx.db)]);
    expect([second.created, third.created]).toEqual([false, false]);
    expect(second.generatedPassword).toBeUndefined();

    expect(await t.ctx.db.select().from(organizations)).toHaveLength(1);
    const [program] = await t.ctx.db.select().from(programs).where(eq(programs.slug, "desk-manager"));
    expect(program).toMatchObject({
      minimumAge: 18,
      exCustomerCooldownMonths: 6,
      startsOn: "2021-10-01",
      endsOn: null,
      timeZone: "America/Sao_Paulo",
    });
    expect(program!.contactReasons.length).toBeGreaterThan(2);
    expect(program!.rules.sections.map((s) => s.key)).toEqual([
      "who",
      "validation",
      "profile",
      "rewards",
      "lgpd",
      "status",
    ]);
    expect(
      await t.ctx.db.select().from(rewardItems).where(eq(rewardItems.programId, program!.id)),
    ).toHaveLength(3);
    // The demo referrer has a referral in each kind of state, one of them sold with a reward to choose.
    const demoReferrals = await t.ctx.db.select().from(referrals).where(eq(referrals.programId, program!.id));
    expect(demoReferrals.map((r) => r.status).sort()).toEqual([
      "in_commercial_process",
      "in_progress",
      "not_qualified",
      "sale_confirmed",
    ]);
    const [offer] = await t.ctx.db.select().from(rewardOffers).where(eq(rewardOffers.programId, program!.id));
    expect(offer).toMatchObject({ status: "awaiting_choice", dueMonth: todayIn().slice(0, 7) });
    // "Member since" comes before every one of her referrals.
    const [referrer] = await t.ctx.db
      .select()
      .from(participants)
      .where(eq(participants.programId, program!.id));
    const oldest = Math.min(...demoReferrals.map((r) => r.createdAt.getTime()));
    expect(referrer!.createdAt.getTime()).toBeLessThan(oldest);
  });

  it("the owner signs in with the generated password, and ADMIN_PASSWORD later replaces it", async () => {
    const [owner] = await t.ctx.db.select().from(staffUsers).where(eq(staffUsers.email, DEMO_ADMIN_EMAIL));
    expect(owner!.role).toBe("owner");
    await seedDemo(t.ctx.db, { adminPassword: "a-new-admin-password" });
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/login",
      payload: { email: DEMO_ADMIN_EMAIL, password: "a-new-admin-password" },
    });
    expect(response.statusCode).toBe(200);
  });

  it("the public API and landing page show the program's rules and catalog", async () => {
    const api = await t.app.inject({ method: "GET", url: "/api/public/programs/desk-manager" });
    expect(api.statusCode).toBe(200);
    expect(api.json().program).toMatchObject({
      name: "Vai de Desk Manager",
      isRunning: true,
      minimumAge: 18,
    });
    expect(api.json().catalog).toHaveLength(3);
    const page = await t.app.inject({ method: "GET", url: "/p/desk-manager" });
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("Quem pode participar");
    expect(page.body).toContain("Fone de ouvido sem fio");
    const english = await t.app.inject({ method: "GET", url: "/p/desk-manager?lang=en" });
    expect(english.body).toContain("Who can take part");
    expect(english.body).toContain('lang="en"');
    const missing = await t.app.inject({ method: "GET", url: "/p/nope" });
    expect(missing.statusCode).toBe(404);
  });
});
