// The authorization matrix (issue: proof): every route from the server's own table, called as anonymous,
// two referrers, each staff role and the staff of another organization, with ids that belong to
// referrer A and organization A. The allowed callers come from the route's declared policy; a route
// whose path names an object must say here whose object to use, so a new route cannot be forgotten.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveInboundEmail } from "../../src/modules/inbound/index.js";
import { participants } from "../../src/modules/participants/schema.js";
import { programs } from "../../src/modules/programs/schema.js";
import { referrals } from "../../src/modules/referrals/schema.js";
import type { Access, StaffRole } from "../../src/platform/http/access.js";
import { suppressAddress } from "../../src/platform/mail/outbox.js";
import { emailSuppressions } from "../../src/platform/mail/schema.js";
import { type Auth, call, moveOk, participantAuth, signInAs, submitChecked } from "../support/back-office.js";
import { makeProgram, unique } from "../support/factories.js";
import { plainEmail } from "../support/inbound-mail.js";
import { cnpjFor, newCnpjRoot } from "../support/referral-factory.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

type Caller =
  | { name: string; kind: "anonymous" }
  | { name: string; kind: "referrer"; isOwner: boolean; auth: Auth }
  | { name: string; kind: "staff"; role: StaffRole; isOwnOrganization: boolean; auth: Auth };

/** Whether the declared policy lets this caller in at all (object ownership aside). */
function policyAllows(access: Access, caller: Caller): boolean {
  switch (access.kind) {
    case "public":
    case "development":
      return true;
    case "participant":
      return caller.kind === "referrer";
    case "staff":
      return caller.kind === "staff" && access.roles.includes(caller.role);
    case "secret":
      return false;
  }
}

describe("authorization matrix over every route", () => {
  let t: TestApp;
  const callers: Caller[] = [{ name: "anonymous", kind: "anonymous" }];
  /**
   * Route → the object of referrer A / organization A its path names (a function: a fresh one per call),
   * and a valid body for writes, so that ownership, not validation, decides a foreign caller's answer.
   */
  const owned = new Map<string, string | (() => Promise<string>)>();
  const bodies = new Map<string, object>();
  beforeAll(async () => {
    t = await createTestApp();
    const { program, scope } = await makeProgram(t.ctx.db);
    const other = await makeProgram(t.ctx.db);
    for (const role of ["owner", "admin", "sales", "support"] as const) {
      const { auth } = await signInAs(t, scope.organizationId, role);
      callers.push({ name: role, kind: "staff", role, isOwnOrganization: true, auth });
    }
    const stranger = await signInAs(t, other.scope.organizationId, "owner");
    callers.push({
      name: "owner of another organization",
      kind: "staff",
      role: "owner",
      isOwnOrganization: false,
      auth: stranger.auth,
    });

    const referralOf = async (email: string) => {
      const id = await submitChecked(t, program.slug, {
        referrerEmail: email,
        companyCnpj: cnpjFor(newCnpjRoot()),
      });
      const [row] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, id));
      return row!;
    };
    const mine = await referralOf("referrer.a@gmail.com");
    await referralOf("referrer.b@gmail.com");
    for (const [name, email, isOwner] of [
      ["referrer A", "referrer.a@gmail.com", true],
      ["referrer B", "referrer.b@gmail.com", false],
    ] as const) {
      const [p] = await t.ctx.db.select().from(participants).where(eq(participants.email, email));
      callers.push({
        name,
        kind: "referrer",
        isOwner,
        auth: await participantAuth(t, p!.id, scope.programId),
      });
    }
    const owner = callers.find((c) => c.name === "owner") as Extract<Caller, { kind: "staff" }>;
    await moveOk(t, owner.auth, mine.id, "qualified");
    await moveOk(t, owner.auth, mine.id, "in_commercial_process");
    const sale = await call(t, owner.auth, "POST", `/api/admin/referrals/${mine.id}/sale`, {
      cnpjs: [mine.companyCnpj],
      isUpgrade: false,
      closedAt: "2026-01-15",
    });
    expect(sale.statusCode, sale.body).toBe(201);
    const offerId = sale.json().offer.id as string;
    const item = await call(t, owner.auth, "POST", "/api/admin/rewards/catalog", {
      programId: scope.programId,
      name: { "pt-BR": "Item", en: "Item" },
      description: { "pt-BR": "d", en: "d" },
      kind: "voucher",
    });
    const newMaterial = async () =>
      (
        await call(t, owner.auth, "POST", `/api/admin/programs/${scope.programId}/materials`, {
          title: { "pt-BR": "M", en: "M" },
          bodyMarkdown: { "pt-BR": "", en: "" },
        })
      ).json().id as string;

    const material = { title: { "pt-BR": "M", en: "M" }, bodyMarkdown: { "pt-BR": "", en: "" } };
    const declare = (key: string, value: string | (() => Promise<string>), body?: object) => {
      owned.set(key, value);
      if (key.startsWith("GET ")) owned.set(key.replace("GET ", "HEAD "), value);
      if (body) bodies.set(key, body);
    };
    declare("GET /api/admin/referrals/:id", mine.id);
    declare("PATCH /api/admin/referrals/:id", mine.id, { assigneeId: null });
    declare("POST /api/admin/referrals/:id/transitions", mine.id, { to: "not_advanced", reason: "budget" });
    declare("POST /api/admin/referrals/:id/sale", mine.id, {
      cnpjs: [mine.companyCnpj],
      isUpgrade: true,
      closedAt: "2026-01-15",
    });
    declare("PATCH /api/admin/rewards/catalog/:id", item.json().id, { isActive: true });
    declare("PATCH /api/admin/rewards/:id", offerId, { status: "delayed", delayNote: "Greve" });
    declare("GET /api/admin/programs/:programId/materials", scope.programId);
    declare("POST /api/admin/programs/:programId/materials", scope.programId, material);
    declare("PATCH /api/admin/materials/:id", await newMaterial(), { position: 2 });
    declare("DELETE /api/admin/materials/:id", newMaterial);
    declare("GET /api/portal/referrals/:id", mine.id);
    const referrerA = callers.find((c) => c.name === "referrer A") as Extract<Caller, { kind: "referrer" }>;
    const [programRow] = await t.ctx.db.select().from(programs).where(eq(programs.id, scope.programId));
    const reason = programRow!.contactReasons[0]!.code;
    const ticket = await call(t, referrerA.auth, "POST", "/api/portal/tickets", {
      subject: "Prêmio",
      contactReason: reason,
      message: "Quando chega?",
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const ticketId = ticket.json().id as string;
    const newCannedReply = async () =>
      (
        await call(t, owner.auth, "POST", "/api/admin/helpdesk/canned-replies", {
          programId: scope.programId,
          title: "Olá",
          body: "Olá, {{participant.name}}",
        })
      ).json().id as string;
    declare("GET /api/portal/tickets/:id", ticketId);
    declare("POST /api/portal/tickets/:id/messages", ticketId, { message: "Mais uma coisa" });
    declare("POST /api/portal/tickets/:id/read", ticketId);
    declare("GET /api/admin/tickets/:id", ticketId);
    declare("POST /api/admin/tickets/:id/replies", ticketId, { message: "Resposta" });
    declare("POST /api/admin/tickets/:id/notes", ticketId, { message: "Nota interna" });
    declare("PATCH /api/admin/tickets/:id", ticketId, { priority: "high" });
    declare("GET /api/admin/tickets/:id/canned-replies", ticketId);
    declare("PATCH /api/admin/helpdesk/canned-replies/:id", await newCannedReply(), { title: "Oi" });
    declare("DELETE /api/admin/helpdesk/canned-replies/:id", newCannedReply);
    declare("POST /api/portal/rewards/:id/choice", offerId, { itemId: item.json().id });
    // A fresh quarantined e-mail of organization A per call (attach and discard use it up).
    const quarantinedEmail = async (from = "desconhecido@example.net") => {
      const stored = await receiveInboundEmail(t.ctx, {
        via: "http",
        raw: plainEmail({ from, to: `${program.slug}@${t.ctx.mail.replyDomain}` }),
      });
      await t.drainJobs();
      return stored.id;
    };
    const heldEmail = await quarantinedEmail();
    declare("GET /api/admin/inbound/:id", heldEmail);
    declare("GET /api/admin/inbound/:id/original", heldEmail);
    const [participantA] = await t.ctx.db
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.email, "referrer.a@gmail.com"));
    declare("POST /api/admin/inbound/:id/attach", quarantinedEmail, { participantId: participantA!.id });
    declare("POST /api/admin/inbound/:id/discard", () => quarantinedEmail());
    // Each new contact needs an address nobody in the program has yet.
    declare(
      "POST /api/admin/inbound/:id/contact",
      () => quarantinedEmail(`${unique("prospect")}@example.net`),
      {
        programId: scope.programId,
        name: "Paula Prospect",
      },
    );
    // A fresh suppression of organization A per call (a lift uses it up).
    declare("DELETE /api/admin/suppressions/:id", async () => {
      const email = `${unique("bounced")}@example.net`;
      await suppressAddress(t.ctx.db, scope.programId, email, "bounced");
      const [row] = await t.ctx.db.select().from(emailSuppressions).where(eq(emailSuppressions.email, email));
      return row!.id;
    });
    // Parameters that name no owned object.
    owned.set("POST /api/admin/registries/:kind/import", "customers");
    for (const url of [
      "/p/:programSlug",
      "/api/public/programs/:programSlug",
      "/api/public/programs/:programSlug/referrals",
    ]) {
      for (const method of ["GET", "POST", "HEAD"]) owned.set(`${method} ${url}`, program.slug);
    }
    for (const url of ["/c/:token", "/portal/auth/:token"]) {
      for (const method of ["GET", "POST", "HEAD"]) owned.set(`${method} ${url}`, "not-a-real-token");
    }
  });
  afterAll(() => t.close());

  it("answers every caller as the route's policy and object ownership say", async () => {
    // Sign-outs last: they end the sessions the other calls use.
    const routes = [...t.app.routePolicies]
      .filter(
        (r) =>
          r.url.startsWith("/api/") ||
          r.url.startsWith("/c/") ||
          r.url.startsWith("/p/") ||
          r.url.startsWith("/portal/auth"),
      )
      .sort((a, b) => Number(a.url.endsWith("/logout")) - Number(b.url.endsWith("/logout")));
    const problems: string[] = [];
    let calls = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const hasParams = route.url.includes(":");
      const fixture = owned.get(key);
      if (hasParams && fixture === undefined) {
        problems.push(`${key}: declare whose object to use in this test's "owned" map`);
        continue;
      }
      const isObjectRoute =
        hasParams &&
        !route.url.includes(":kind") &&
        !route.url.includes(":programSlug") &&
        !route.url.includes(":token");
      for (const caller of callers) {
        const value = typeof fixture === "function" ? await fixture() : fixture;
        const url = route.url.replace(/:\w+/, value ?? "");
        const auth = caller.kind === "anonymous" ? null : caller.auth;
        const body =
          route.method === "GET" || route.method === "HEAD" || route.method === "DELETE"
            ? undefined
            : (bodies.get(key) ?? {});
        const response = await call(t, auth, route.method as "GET", url, body);
        const status = response.statusCode;
        calls++;
        const allowed = policyAllows(route.access, caller);
        const isForeign =
          isObjectRoute &&
          ((caller.kind === "referrer" && !caller.isOwner) ||
            (caller.kind === "staff" && !caller.isOwnOrganization));
        const what = `${key} as ${caller.name}: ${status}`;
        if (!allowed && ![401, 403].includes(status)) problems.push(`${what}, expected 401/403`);
        if (allowed && isForeign && ![403, 404].includes(status))
          problems.push(`${what}, expected 404 for someone else's object`);
        if (allowed && !isForeign && [401, 403].includes(status)) problems.push(`${what}, expected access`);
        if (allowed && !isForeign && isObjectRoute && status === 404)
          problems.push(`${what}, expected to find its own object`);
        if (status >= 500) problems.push(`${what}, a server error`);
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(routes.length * 7);
  });
});
