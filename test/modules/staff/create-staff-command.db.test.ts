import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createStaffCommand } from "../../../src/modules/staff/create-staff-command.js";
import { makeOrganization } from "../../support/factories.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { testEngine } from "../../support/test-database.js";

describe(`corrente create-staff (${testEngine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    vi.spyOn(console, "log").mockImplementation(() => {});
  });
  afterAll(() => t.close());

  it("refuses an address already on the team with a one-line usage message, not a stack trace", async () => {
    const org = await makeOrganization(t.ctx.db);
    const args = { organization: org.slug, email: "colega@example.com", name: "Colega", role: "sales" };
    await createStaffCommand(t.ctx.db, { ...args, password: "a-long-enough-password" });
    const again = createStaffCommand(t.ctx.db, { ...args, password: "another-long-password" });
    await expect(again).rejects.toMatchObject({
      name: "UsageError",
      message: "colega@example.com already has a staff account.",
    });
  });
});
