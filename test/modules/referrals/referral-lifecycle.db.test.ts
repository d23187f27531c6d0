import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { programs } from "../../../src/modules/programs/schema.js";
import { allowedMoves } from "../../../src/modules/referrals/index.js";
import {
  contactConfirmations,
  referralEvents,
  referralStatuses,
} from "../../../src/modules/referrals/schema.js";
import { emailOutbox } from "../../../src/platform/mail/schema.js";
import {
  type Auth,
  call,
  moveOk,
  runDelayedNotices,
  signInAs,
  submitChecked,
} from "../../support/back-office.js";
import { makeProgram } from "../../support/factories.js";
import { cnpjFor, newCnpjRoot } from "../../support/referral-factory.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

type Status = (typeof referralStatuses)[number];

describe("referral lifecycle (sales back office)", () => {
  let t: TestApp;
  let slug: string;
  let programId: string;
  let organizationId: string;
  let sales: Auth;
  beforeAll(async () => {
    t = await createTestApp();
    const { program, scope } = await makeProgram(t.ctx.db);
    ({ slug } = program);
    ({ programId, organizationId } = scope);
    sales = (await signInAs(t, organizationId, "sales")).auth;
  });
  afterAll(() => t.close());

  const reasonFor = (to: Status) =>
    to === "not_qualified" ? "outside_profile" : to === "not_advanced" ? "budget" : undefined;

  /** A referral brought to `status` through the API, as sales would. */
  async function referralIn(status: Status): Promise<string> {
    const id = await submitChecked(t, slug, { companyCnpj: cnpjFor(newCnpjRoot()) });
    const path: Record<Status, Status[]> = {
      in_progress: [],
      qualified: ["qualified"],
      not_qualified: ["not_qualified"],
      in_commercial_process: ["qualified", "in_commercial_process"],
      not_advanced: ["qualified", "in_commercial_process", "not_advanced"],
      sale_confirmed: ["qualified", "in_commercial_process"],
    };
    for (const to of path[status]) await moveOk(t, sales, id, to, reasonFor(to));
    if (status === "sale_confirmed") {
      const sold = await call(t, sales, "POST", `/api/admin/referrals/${id}/sale`, {
        cnpjs: [cnpjFor(newCnpjRoot())],
        isUpgrade: true,
        closedAt: "2026-01-10",
      });
      expect(sold.statusCode, sold.body).toBe(201);
    }
    return id;
  }

  const pairs = referralStatuses.flatMap((from) =>
    referralStatuses.filter((to) => to !== "sale_confirmed").map((to) => [from, to] as const),
  );
  it.each(pairs)("%s → %s is allowed exactly when the policy's table says so", async (from, to) => {
    const id = await referralIn(from);
    const response = await call(t, sales, "POST", `/api/admin/referrals/${id}/transitions`, {
      to,
      reason: reasonFor(to),
      note: "checked by phone",
    });
    if (allowedMoves[from].includes(to)) {
      expect(response.statusCode, response.body).toBe(200);
      const detail = response.json();
      expect(detail).toMatchObject({ status: to, reason: reasonFor(to) ?? null });
      expect(detail.events.at(-1)).toMatchObject({
        fromStatus: from,
        toStatus: to,
        note: "checked by phone",
        actor: { kind: "staff", name: "Staff Person" },
      });
    } else {
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().error).toMatchObject({
        code: "illegal_transition",
        allowed: allowedMoves[from],
      });
    }
  });

  it("sale_confirmed is reached only through the sale endpoint", async () => {
    const id = await referralIn("in_commercial_process");
    const response = await call(t, sales, "POST", `/api/admin/referrals/${id}/transitions`, {
      to: "sale_confirmed",
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe("use_sale_endpoint");
  });

  it.each([
    ["not_qualified", undefined],
    ["not_qualified", "budget"],
    ["not_qualified", "made_up"],
    ["qualified", "outside_profile"],
  ] as const)("moving to %s with reason %s is refused with a field error", async (to, reason) => {
    const id = await referralIn("in_progress");
    const response = await call(t, sales, "POST", `/api/admin/referrals/${id}/transitions`, { to, reason });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields.reason).toBeDefined();
    const events = await t.ctx.db.select().from(referralEvents).where(eq(referralEvents.referralId, id));
    expect(events).toHaveLength(1); // only the submission
  });

  it("of two concurrent moves on one referral only one wins, and one event is written", async () => {
    const id = await referralIn("in_progress");
    // Two people qualify the same referral at the same moment: one move, one refusal.
    const [a, b] = await Promise.all([
      call(t, sales, "POST", `/api/admin/referrals/${id}/transitions`, { to: "qualified" }),
      call(t, sales, "POST", `/api/admin/referrals/${id}/transitions`, { to: "qualified" }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const events = await t.ctx.db.select().from(referralEvents).where(eq(referralEvents.referralId, id));
    expect(events).toHaveLength(2);
  });

  it("e-mails the referrer on every move, with the reason in the policy's words", async () => {
    const id = await referralIn("in_progress");
    await moveOk(t, sales, id, "not_qualified", "already_in_funnel");
    const mails = await t.ctx.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, "referrals.status-changed"));
    const mail = mails.find((m) => m.subject?.includes("Lead não qualificado") && m.text?.includes("funil"));
    expect(mail?.text).toContain("antes do registro da indicação");
    expect(mail?.headers).toMatchObject({ "Auto-Submitted": "auto-generated" });
  });

  it("a program that requires the contact's confirmation refuses to qualify before it", async () => {
    const { program, scope } = await makeProgram(t.ctx.db, organizationId);
    await t.ctx.db
      .update(programs)
      .set({ contactConfirmationRequired: true })
      .where(eq(programs.id, program.id));
    const id = await submitChecked(t, program.slug);
    await runDelayedNotices(t); // the contact's notice, which writes the confirmation it answers
    const refused = await call(t, sales, "POST", `/api/admin/referrals/${id}/transitions`, {
      to: "qualified",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("contact_confirmation_required");
    await t.ctx.db
      .update(contactConfirmations)
      .set({ decision: "confirmed", decidedAt: new Date() })
      .where(eq(contactConfirmations.referralId, id));
    await moveOk(t, sales, id, "qualified");
    expect(scope.programId).toBe(program.id);
  });

  it("support staff may not see referrals; another organization's referral is a 404", async () => {
    const id = await referralIn("in_progress");
    const support = (await signInAs(t, organizationId, "support")).auth;
    expect((await call(t, support, "GET", `/api/admin/referrals/${id}`)).statusCode).toBe(403);
    const other = await makeProgram(t.ctx.db);
    const stranger = (await signInAs(t, other.scope.organizationId, "owner")).auth;
    expect((await call(t, stranger, "GET", `/api/admin/referrals/${id}`)).statusCode).toBe(404);
    const move = await call(t, stranger, "POST", `/api/admin/referrals/${id}/transitions`, {
      to: "qualified",
    });
    expect(move.statusCode).toBe(404);
    expect(programId).toBeTruthy();
  });
});
