import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffUsers } from "../../../src/modules/staff/schema.js";
import { permissionsOf } from "../../../src/shared/permissions.js";
import { makeOrganization, makeStaff, signInAsStaff } from "../../support/factories.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { testEngine } from "../../support/test-database.js";

describe(`the team as other pages see it (${testEngine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function team() {
    const org = await makeOrganization(t.ctx.db);
    const [owner, admin, sales, support, gone] = await Promise.all(
      (["owner", "admin", "sales", "support", "sales"] as const).map((role) =>
        makeStaff(t.ctx.db, org.id, role),
      ),
    );
    await t.ctx.db.update(staffUsers).set({ disabledAt: new Date() }).where(eq(staffUsers.id, gone!.id));
    const auth = await signInAsStaff(t.app, support!.email);
    const list = async (query: string) => {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/admin/staff${query}`,
        headers: { cookie: auth.cookie },
      });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().items as { id: string }[]).map((item) => item.id).sort();
    };
    return { owner: owner!, admin: admin!, sales: sales!, support: support!, gone: gone!, list };
  }

  it("lists who holds a permission: owners and admins can take referrals too, nobody disabled", async () => {
    const { owner, admin, sales, support, list } = await team();
    expect(await list("?permission=referrals.work")).toEqual([owner.id, admin.id, sales.id].sort());
    expect(await list("?permission=helpdesk.work")).toEqual([owner.id, admin.id, support.id].sort());
    expect(await list("")).toEqual([owner.id, admin.id, sales.id, support.id].sort());
    expect(await list("?role=sales")).toEqual([sales.id]);
  });

  it("refuses an unknown permission with a field error", async () => {
    const { support } = await team();
    const auth = await signInAsStaff(t.app, support.email);
    const response = await t.app.inject({
      method: "GET",
      url: "/api/admin/staff?permission=everything",
      headers: { cookie: auth.cookie },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields).toHaveProperty("permission");
  });

  it("tells each member their permissions in the session, from the one table of grants", async () => {
    const { sales } = await team();
    const auth = await signInAsStaff(t.app, sales.email);
    const session = await t.app.inject({
      method: "GET",
      url: "/api/admin/session",
      headers: { cookie: auth.cookie },
    });
    expect(session.json().permissions).toEqual([...permissionsOf("sales")]);
    expect(session.json().permissions).not.toContain("rewards.manage");
  });
});
