// The backfill that moves stored company-name keys to the look-alike-proof normalization (README
// "Upgrading"): rows stored with the old key must meet new referrals of the same company.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renormalizeReferralCompanyNames } from "../../../src/modules/referrals/index.js";
import { referrals } from "../../../src/modules/referrals/schema.js";
import { renormalizeRegistryCompanyNames } from "../../../src/modules/registries/index.js";
import { registryCustomers } from "../../../src/modules/registries/schema.js";
import { submitChecked } from "../../support/back-office.js";
import { makeProgram } from "../../support/factories.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

describe("renormalizing stored company names", () => {
  let t: TestApp;
  let slug: string;
  let organizationId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const { program, scope } = await makeProgram(t.ctx.db);
    slug = program.slug;
    organizationId = scope.organizationId;
  });
  afterAll(() => t.close());

  async function submitAndCheck(override: Record<string, unknown>) {
    const id = await submitChecked(t, slug, override);
    return (await t.ctx.db.select().from(referrals).where(eq(referrals.id, id)))[0]!;
  }

  it("a referral stored with the old key holds its company against a look-alike once renormalized", async () => {
    const old = await submitAndCheck({
      companyName: "Marmoraria Sol Nascente",
      contactEmail: "a.sol@gmail.com",
    });
    // As the previous normalization stored it: accents and case gone, no confusable skeleton.
    await t.ctx.db
      .update(referrals)
      .set({ companyNameNormalized: "marmoraria sol nascente" })
      .where(eq(referrals.id, old.id));
    expect(await renormalizeReferralCompanyNames(t.ctx.db)).toBeGreaterThanOrEqual(1);
    expect(await renormalizeReferralCompanyNames(t.ctx.db)).toBe(0);
    const lookAlike = await submitAndCheck({
      companyName: "Marmoraria Sol Nasc\u0435nte",
      contactEmail: "b.sol@gmail.com",
    });
    expect(lookAlike).toMatchObject({ reason: "already_referred", duplicateOfId: old.id });
  });

  it("a customer known by its name alone is matched, and its entry key follows (re-importing updates that row)", async () => {
    const [row] = await t.ctx.db
      .insert(registryCustomers)
      .values({
        organizationId,
        entryKey: "name:mercado lua cheia",
        name: "Mercado Lua Cheia",
        nameNormalized: "mercado lua cheia",
        status: "active",
      })
      .returning();
    expect(await renormalizeRegistryCompanyNames(t.ctx.db)).toBeGreaterThanOrEqual(1);
    const [after] = await t.ctx.db.select().from(registryCustomers).where(eq(registryCustomers.id, row!.id));
    const referral = await submitAndCheck({
      companyName: "Mercado Lua Che\u0456a",
      contactEmail: "c.lua@gmail.com",
    });
    expect(referral).toMatchObject({ status: "not_qualified", reason: "already_customer" });
    expect(after!.entryKey).toBe(`name:${after!.nameNormalized}`);
  });
});
