// The agents' workspace around one ticket: situation, notes, replies e-mailed and threaded, notices to
// the team, the SLA clock, roles, canned replies and SLA targets. The list, search and tenant isolation
// are in helpdesk-ticket-list.db.test.ts.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickets } from "../../../src/modules/helpdesk/schema.js";
import { emailOutbox } from "../../../src/platform/mail/schema.js";
import { type Auth, call, signInAs } from "../../support/back-office.js";
import { agentOk, makeHelpdesk, note, openTicketOk, reply, setStatus } from "../../support/helpdesk.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

describe("the agents' helpdesk workspace", () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeHelpdesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await makeHelpdesk(t);
  });
  afterAll(() => t.close());

  it("situation follows the last public message; a note changes nothing", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth);
    expect(ticket.situation).toBe("awaiting_agent");
    expect((await note(t, desk.agent, ticket.id, "Verificar no CRM")).situation).toBe("awaiting_agent");
    expect((await reply(t, desk.agent, ticket.id, "Verificamos!")).situation).toBe("awaiting_participant");
    expect((await note(t, desk.agent, ticket.id, "Aguardando")).situation).toBe("awaiting_participant");
    const answered = await call(t, desk.referrer.auth, "POST", `/api/portal/tickets/${ticket.id}/messages`, {
      message: "Obrigado, mas ainda não apareceu",
    });
    expect(answered.json().situation).toBe("awaiting_agent");
  });

  it("the agent sees notes marked internal, the history and the participant card", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth);
    await note(t, desk.agent, ticket.id, "Nota interna");
    await agentOk(t, desk.agent, "PATCH", `/api/admin/tickets/${ticket.id}`, {
      priority: "high",
      assigneeId: desk.agentUser.id,
    });
    const detail = await agentOk(t, desk.agent, "GET", `/api/admin/tickets/${ticket.id}`);
    expect(detail.messages.map((m) => [m.isInternal, m.text])).toEqual([
      [false, "Indiquei uma empresa ontem e ela não aparece na lista."],
      [true, "Nota interna"],
    ]);
    expect(detail).toMatchObject({
      priority: "high",
      assignee: { id: desk.agentUser.id, name: desk.agentUser.name },
      participantCard: { id: desk.referrer.id, email: desk.referrer.email, status: "active" },
    });
    expect((detail.events as { kind: string; to: string }[]).map((e) => [e.kind, e.to])).toEqual([
      ["priority", "high"],
      ["assignee", desk.agentUser.name],
    ]);
  });

  it("a reply is e-mailed to the referrer bound to the ticket, its Message-ID kept for threading", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth);
    await reply(t, desk.agent, ticket.id, "Primeira resposta");
    const detail = await reply(t, desk.agent, ticket.id, "Segunda resposta");
    const replies = await t.ctx.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.ticketId, ticket.id), eq(emailOutbox.template, "helpdesk.agent-reply")))
      .orderBy(emailOutbox.createdAt);
    expect(replies).toHaveLength(2);
    expect(replies.map((mail) => mail.toAddress)).toEqual([desk.referrer.email, desk.referrer.email]);
    const staffMessages = detail.messages.filter((m) => m.authorKind === "staff") as unknown as {
      emailMessageId: string;
    }[];
    expect(staffMessages.map((m) => m.emailMessageId)).toEqual(replies.map((mail) => mail.messageId));
    expect(replies[1]!.headers).toMatchObject({
      "In-Reply-To": replies[0]!.messageId,
      References: replies[0]!.messageId,
    });
    expect(replies[0]!.replyTo).toMatch(/^reply\+[a-z2-7]{42}@/);
    expect(replies[0]!.subject).toBe(`Re: ${ticket.subject} [#${ticket.number}]`);
  });

  it("a referrer's message reaches the assignee, or the support team while nobody has the ticket", async () => {
    const teammate = await signInAs(t, desk.scope.organizationId, "support");
    const ticket = await openTicketOk(t, desk.referrer.auth);
    const notices = async () =>
      (
        await t.ctx.db
          .select()
          .from(emailOutbox)
          .where(
            and(
              eq(emailOutbox.ticketId, ticket.id),
              eq(emailOutbox.template, "helpdesk.participant-message"),
            ),
          )
      ).map((mail) => mail.toAddress);
    expect((await notices()).sort()).toEqual([desk.agentUser.email, teammate.staff.email].sort());
    await agentOk(t, desk.agent, "PATCH", `/api/admin/tickets/${ticket.id}`, {
      assigneeId: teammate.staff.id,
    });
    await call(t, desk.referrer.auth, "POST", `/api/portal/tickets/${ticket.id}/messages`, {
      message: "Oi?",
    });
    expect((await notices()).filter((to) => to === teammate.staff.email)).toHaveLength(2);
    expect((await notices()).filter((to) => to === desk.agentUser.email)).toHaveLength(1);
  });

  it("the SLA clock stands still while pending: deadlines move by the time it stood", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth);
    const before = await agentOk(t, desk.agent, "GET", `/api/admin/tickets/${ticket.id}`);
    await setStatus(t, desk.agent, ticket.id, "pending");
    // Three hours pass while pending (moved back in the database rather than waited for).
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    const pausedSince = new Date(row!.slaPausedSince!.getTime() - 3 * 3600_000);
    await t.ctx.db.update(tickets).set({ slaPausedSince: pausedSince }).where(eq(tickets.id, ticket.id));
    const paused = await agentOk(t, desk.agent, "GET", `/api/admin/tickets/${ticket.id}`);
    expect(paused.sla).toMatchObject({ state: "paused", isOverdue: false });
    const reopened = await setStatus(t, desk.agent, ticket.id, "open");
    const shift = (a: unknown, b: unknown) =>
      new Date(a as string).getTime() - new Date(b as string).getTime();
    expect(shift(reopened.firstResponseDueAt, before.firstResponseDueAt) / 1000).toBeCloseTo(3 * 3600, -1);
    expect(shift(reopened.resolutionDueAt, before.resolutionDueAt) / 1000).toBeCloseTo(3 * 3600, -1);
    expect(reopened.sla).toMatchObject({ state: "running", isOverdue: false });
  });

  it("refuses an assignee outside the helpdesk roles or the organization, and an unknown contact reason", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth);
    const sales = await signInAs(t, desk.scope.organizationId, "sales");
    const outsider = await makeHelpdesk(t);
    for (const assigneeId of [sales.staff.id, outsider.agentUser.id]) {
      const response = await call(t, desk.agent, "PATCH", `/api/admin/tickets/${ticket.id}`, { assigneeId });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toHaveProperty("assigneeId");
    }
    const reason = await call(t, desk.agent, "PATCH", `/api/admin/tickets/${ticket.id}`, {
      contactReason: "x",
    });
    expect(reason.statusCode).toBe(422);
    const nothing = await call(t, desk.agent, "PATCH", `/api/admin/tickets/${ticket.id}`, {});
    expect(nothing.statusCode).toBe(422);
  });

  it("the helpdesk is for support and above: sales gets 403, referrers 401", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth);
    const sales = await signInAs(t, desk.scope.organizationId, "sales");
    for (const url of [
      "/api/admin/tickets",
      `/api/admin/tickets/${ticket.id}`,
      "/api/admin/tickets/counts",
    ]) {
      expect((await call(t, sales.auth, "GET", url)).statusCode, url).toBe(403);
      expect((await call(t, desk.referrer.auth, "GET", url)).statusCode, url).toBe(401);
    }
    for (const role of ["owner", "admin"] as const) {
      const boss = await signInAs(t, desk.scope.organizationId, role);
      expect((await call(t, boss.auth, "GET", `/api/admin/tickets/${ticket.id}`)).statusCode).toBe(200);
    }
  });

  it("canned replies: placeholders filled for the ticket, unknown ones refused", async () => {
    const bad = await call(t, desk.agent, "POST", "/api/admin/helpdesk/canned-replies", {
      programId: desk.scope.programId,
      title: "Saudação",
      body: "Olá {{participant.nmae}}",
    });
    expect(bad.statusCode).toBe(422);
    const created = await call(t, desk.agent, "POST", "/api/admin/helpdesk/canned-replies", {
      programId: desk.scope.programId,
      title: "Saudação",
      body: "Olá, {{participant.firstName}}! Sobre o #{{ticket.number}} no {{program.name}}.",
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = await openTicketOk(t, desk.referrer.auth);
    const filled = (
      await call(t, desk.agent, "GET", `/api/admin/tickets/${ticket.id}/canned-replies`)
    ).json();
    expect(filled.items[0].rendered).toBe(
      `Olá, ${desk.referrer.name.split(" ")[0]}! Sobre o #${ticket.number} no ${desk.program.name}.`,
    );
    const id = created.json().id as string;
    const edited = await call(t, desk.agent, "PATCH", `/api/admin/helpdesk/canned-replies/${id}`, {
      title: "Oi",
    });
    expect(edited.json().title).toBe("Oi");
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/admin/helpdesk/canned-replies/${id}`,
      headers: { cookie: desk.agent.cookie, "x-csrf-token": desk.agent.csrfToken },
    });
    expect(removed.statusCode).toBe(204);
  });

  it("SLA targets are read by support and set by admins, then apply to new tickets", async () => {
    const url = `/api/admin/helpdesk/settings?programId=${desk.scope.programId}`;
    const current = (await call(t, desk.agent, "GET", url)).json();
    expect(current).toMatchObject({ isDefault: true });
    const slaTargets = {
      ...current.slaTargets,
      normal: { firstResponseMinutes: 30, resolutionMinutes: 120 },
    };
    const put = (auth: Auth, body: unknown) =>
      t.app.inject({
        method: "PUT",
        url: "/api/admin/helpdesk/settings",
        headers: { cookie: auth.cookie, "x-csrf-token": auth.csrfToken },
        payload: body as object,
      });
    expect((await put(desk.agent, { programId: desk.scope.programId, slaTargets })).statusCode).toBe(403);
    const admin = await signInAs(t, desk.scope.organizationId, "admin");
    const inverted = { ...slaTargets, low: { firstResponseMinutes: 600, resolutionMinutes: 60 } };
    expect(
      (await put(admin.auth, { programId: desk.scope.programId, slaTargets: inverted })).statusCode,
    ).toBe(422);
    expect((await put(admin.auth, { programId: desk.scope.programId, slaTargets })).statusCode).toBe(200);
    const ticket = await openTicketOk(t, desk.referrer.auth);
    const detail = await agentOk(t, desk.agent, "GET", `/api/admin/tickets/${ticket.id}`);
    const minutes =
      (new Date(detail.firstResponseDueAt as string).getTime() - Date.parse(ticket.createdAt as string)) /
      60_000;
    expect(minutes).toBe(30);
  });
});
