// The agents' ticket list: overdue, Portuguese full-text search, filters, keyset pages and refusals,
// and tenant isolation across lists, counts, search and detail. The rest of the workspace (messages,
// notices, SLA, canned replies) is in helpdesk-workspace.db.test.ts.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchTuning } from "../../../src/modules/helpdesk/list-tickets.js";
import { tickets } from "../../../src/modules/helpdesk/schema.js";
import { type Auth, call } from "../../support/back-office.js";
import {
  agentOk,
  makeHelpdesk,
  makeReferrer,
  note,
  openTicketOk,
  reply,
  setStatus,
} from "../../support/helpdesk.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

type ListItem = { id: string; number: number; subject: string; [key: string]: unknown };

describe("the agents' ticket list", () => {
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
