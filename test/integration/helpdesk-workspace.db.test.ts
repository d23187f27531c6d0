import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickets } from "../../src/modules/helpdesk/index.js";
import { searchTuning } from "../../src/modules/helpdesk/list-tickets.js";
import { emailOutbox } from "../../src/platform/mail/schema.js";
import { type Auth, call, signInAs } from "../support/back-office.js";
import {
  agentOk,
  makeHelpdesk,
  makeReferrer,
  note,
  openTicketOk,
  reply,
  setStatus,
} from "../support/helpdesk.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

type ListItem = { id: string; number: number; subject: string; [key: string]: unknown };

describe("the agents' helpdesk workspace", () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeHelpdesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await makeHelpdesk(t);
  });
  afterAll(() => t.close());

  const list = async (auth: Auth, query: string) => {
    const response = await call(t, auth, "GET", `/api/admin/tickets?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: ListItem[]; nextCursor: string | null };
  };
  const ids = (page: { items: ListItem[] }) => page.items.map((item) => item.id);

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

  it("an open ticket past its deadline is overdue and shows in the overdue filter and count", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth, { subject: "Atrasado" });
    const past = new Date(Date.now() - 60_000);
    await t.ctx.db
      .update(tickets)
      .set({ firstResponseDueAt: past, slaDueAt: past })
      .where(eq(tickets.id, ticket.id));
    const overdue = await list(desk.agent, "overdue=true&limit=100");
    expect(ids(overdue)).toContain(ticket.id);
    expect(overdue.items.find((i) => i.id === ticket.id)!.sla).toMatchObject({ isOverdue: true });
    expect(ids(await list(desk.agent, "overdue=false&limit=100"))).not.toContain(ticket.id);
    const counts = (await call(t, desk.agent, "GET", "/api/admin/tickets/counts")).json();
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it("full-text search is Portuguese and accent-insensitive, over subjects and messages, notes included", async () => {
    const referrer = await makeReferrer(t, desk.scope);
    const plain = await openTicketOk(t, referrer.auth, {
      subject: "Minha indicacao sumiu",
      message: "sem acento",
    });
    const plural = await openTicketOk(t, referrer.auth, {
      subject: "Várias indicações paradas",
      message: "oi",
    });
    const inMessage = await openTicketOk(t, referrer.auth, {
      subject: "Outra coisa",
      message: "Quero meu premio",
    });
    const inNote = await openTicketOk(t, referrer.auth, { subject: "Sem relação", message: "nada" });
    await note(t, desk.agent, inNote.id, "Cliente perguntou do voucher de São Paulo");
    const unrelated = await openTicketOk(t, referrer.auth, {
      subject: "Cadastro",
      message: "Trocar telefone",
    });
    const search = async (q: string) =>
      ids(await list(desk.agent, `participantId=${referrer.id}&q=${encodeURIComponent(q)}`));

    expect(await search("indicação")).toEqual(expect.arrayContaining([plain.id, plural.id]));
    expect(await search("indicacoes")).toContain(plural.id);
    expect(await search("INDICAÇÃO")).not.toContain(unrelated.id);
    expect(await search("prêmio")).toEqual([inMessage.id]);
    expect(await search("sao paulo")).toEqual([inNote.id]);
    expect(await search("indic")).toEqual(expect.arrayContaining([plain.id, plural.id]));
    expect(await search("indicação prêmio")).toEqual([]);
    expect(await search(`#${unrelated.number}`)).toEqual([unrelated.id]);
    expect(await search("&|!:*()")).toEqual([]);
  });

  it("search pages are exact whether a word is found among the newest tickets or through the word index", async () => {
    const referrer = await makeReferrer(t, desk.scope);
    const made = [];
    for (let i = 0; i < 8; i++) {
      const rare = i < 2 ? " xilogravura" : "";
      made.push(await openTicketOk(t, referrer.auth, { subject: `Comum ${i}${rare}` }));
    }
    const newestFirst = made.map((ticket) => ticket.id).reverse();
    const pages = async (q: string, limit: number) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(
          desk.agent,
          `participantId=${referrer.id}&q=${q}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
        );
        seen.push(...ids(page));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const before = searchTuning.window;
    searchTuning.window = 3;
    try {
      expect(await pages("comum", 2)).toEqual(newestFirst);
      expect(await pages("xilogravura", 2)).toEqual(newestFirst.slice(-2));
      expect(await pages("xilogravura", 1)).toEqual(newestFirst.slice(-2));
    } finally {
      searchTuning.window = before;
    }
  });

  it("filters on status, situation, priority, contact reason and assignee, and pages by keyset", async () => {
    const referrer = await makeReferrer(t, desk.scope);
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await openTicketOk(t, referrer.auth, { subject: `Filtro ${i}` }));
    await agentOk(t, desk.agent, "PATCH", `/api/admin/tickets/${made[0]!.id}`, {
      priority: "urgent",
      assigneeId: desk.agentUser.id,
      contactReason: "reward",
    });
    await setStatus(t, desk.agent, made[1]!.id, "resolved");
    await reply(t, desk.agent, made[2]!.id, "Resposta");
    const scope = `participantId=${referrer.id}`;
    expect(ids(await list(desk.agent, `${scope}&priority=urgent`))).toEqual([made[0]!.id]);
    expect(ids(await list(desk.agent, `${scope}&assigneeId=me`))).toEqual([made[0]!.id]);
    expect(ids(await list(desk.agent, `${scope}&contactReason=reward`))).toEqual([made[0]!.id]);
    expect(ids(await list(desk.agent, `${scope}&status=resolved`))).toEqual([made[1]!.id]);
    expect(ids(await list(desk.agent, `${scope}&situation=awaiting_participant`))).toEqual([made[2]!.id]);
    expect(ids(await list(desk.agent, `${scope}&status=open,pending&assigneeId=none`))).toHaveLength(5);

    for (const sort of ["lastActivityAt", "createdAt", "priority", "dueAt"]) {
      for (const order of ["desc", "asc"]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await list(
            desk.agent,
            `${scope}&sort=${sort}&order=${order}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
          );
          seen.push(...ids(page));
          cursor = page.nextCursor;
        } while (cursor);
        expect(new Set(seen).size, `${sort} ${order}`).toBe(7);
        expect(seen, `${sort} ${order}`).toHaveLength(7);
      }
    }
    const byPriority = ids(await list(desk.agent, `${scope}&sort=priority`));
    expect(byPriority[0]).toBe(made[0]!.id);
    const byDue = ids(await list(desk.agent, `${scope}&sort=dueAt&order=asc`));
    expect(byDue.at(-1)).toBe(made[1]!.id); // resolved: no deadline, last
  });

  it("refuses unknown filters and bad cursors with field errors", async () => {
    const response = await call(t, desk.agent, "GET", "/api/admin/tickets?status=nope&priority=x&cursor=abc");
    expect(response.statusCode).toBe(422);
    expect(Object.keys(response.json().error.fields)).toEqual(expect.arrayContaining(["status", "priority"]));
    const cursor = await call(t, desk.agent, "GET", "/api/admin/tickets?cursor=abc");
    expect(cursor.statusCode).toBe(422);
    expect(cursor.json().error.fields).toHaveProperty("cursor");
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

describe("tenant isolation of the helpdesk", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("an agent sees only their organization's tickets, in lists, counts, search and by id", async () => {
    const mine = await makeHelpdesk(t);
    const theirs = await makeHelpdesk(t);
    const own = await openTicketOk(t, mine.referrer.auth, { subject: "Segredo compartilhado" });
    const foreign = await openTicketOk(t, theirs.referrer.auth, { subject: "Segredo compartilhado" });
    await setStatus(t, theirs.agent, foreign.id, "pending");

    const listed = (await call(t, mine.agent, "GET", "/api/admin/tickets?limit=100")).json();
    expect(listed.items.map((i: ListItem) => i.id)).toEqual([own.id]);
    const searched = (await call(t, mine.agent, "GET", "/api/admin/tickets?q=segredo")).json();
    expect(searched.items.map((i: ListItem) => i.id)).toEqual([own.id]);
    const counts = (await call(t, mine.agent, "GET", "/api/admin/tickets/counts")).json();
    expect(counts.status).toEqual({ open: 1, pending: 0, resolved: 0, closed: 0 });

    for (const [method, url, payload] of [
      ["GET", `/api/admin/tickets/${foreign.id}`, undefined],
      ["PATCH", `/api/admin/tickets/${foreign.id}`, { status: "closed" }],
      ["POST", `/api/admin/tickets/${foreign.id}/replies`, { message: "oi" }],
      ["POST", `/api/admin/tickets/${foreign.id}/notes`, { message: "oi" }],
      ["GET", `/api/admin/tickets/${foreign.id}/canned-replies`, undefined],
      ["GET", `/api/admin/tickets?programId=${theirs.scope.programId}`, undefined],
      ["GET", `/api/admin/helpdesk/canned-replies?programId=${theirs.scope.programId}`, undefined],
    ] as const) {
      const response = await call(t, mine.agent, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const options = (await call(t, mine.agent, "GET", "/api/admin/helpdesk/options")).json();
    expect(options.programs.map((p: { id: string }) => p.id)).toEqual([mine.scope.programId]);
    const [untouched] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, foreign.id));
    expect(untouched!.status).toBe("pending");
  });
});
