import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeParticipantTickets } from "../../../src/modules/helpdesk/index.js";
import { ticketEvents, tickets } from "../../../src/modules/helpdesk/schema.js";
import { inTransaction } from "../../../src/platform/db/transaction.js";
import { emailOutbox } from "../../../src/platform/mail/schema.js";
import { call, submitChecked } from "../../support/back-office.js";
import {
  makeHelpdesk,
  makeReferrer,
  note,
  openTicketOk,
  type Referrer,
  reply,
  setStatus,
} from "../../support/helpdesk.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

describe("the referrer's helpdesk in the portal", () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeHelpdesk>>;
  let other: Referrer;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await makeHelpdesk(t);
    other = await makeReferrer(t, desk.scope);
  });
  afterAll(() => t.close());

  it("a referrer opens a ticket: open, awaiting an agent, numbered, with their message and a confirmation shape", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth, { subject: "  Dúvida   sobre\nprêmio " });
    expect(ticket).toMatchObject({
      subject: "Dúvida sobre prêmio",
      status: "open",
      situation: "awaiting_agent",
      priority: "normal",
      contactReason: "referral_status",
      channel: "portal",
      participant: { id: desk.referrer.id, name: desk.referrer.name },
      referralId: null,
      assignee: null,
      canReply: true,
      hasUnread: false,
    });
    expect(ticket.number).toBeGreaterThan(0);
    expect(ticket.messages).toHaveLength(1);
    expect(ticket.messages[0]).toMatchObject({ authorKind: "participant" });
  });

  it("stores a subject without its right-to-left override, so agents read it as typed", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth, { subject: "Fatura \u202Efdp.exe\u202C paga" });
    expect(ticket.subject).toBe("Fatura fdp.exe paga");
    const [stored] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(stored!.subject).toBe("Fatura fdp.exe paga");
  });

  it("tickets opened at the same time get distinct, consecutive numbers in the organization", async () => {
    const referrers = await Promise.all([1, 2, 3].map(() => makeReferrer(t, desk.scope)));
    const opened = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        openTicketOk(t, referrers[i % 3]!.auth, { subject: `Ao mesmo tempo ${i}` }),
      ),
    );
    const numbers = opened.map((ticket) => ticket.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(9);
    expect(numbers.at(-1)! - numbers[0]!).toBe(8);
  });

  it("refuses a contact reason the program does not list and someone else's referral, with field errors", async () => {
    const referralId = await submitChecked(t, desk.program.slug);
    const response = await call(t, desk.referrer.auth, "POST", "/api/portal/tickets", {
      subject: "Assunto válido",
      contactReason: "made_up",
      message: "Olá",
      referralId,
    });
    expect(response.statusCode).toBe(422);
    expect(Object.keys(response.json().error.fields).sort()).toEqual(["contactReason", "referralId"]);
    const empty = await call(t, desk.referrer.auth, "POST", "/api/portal/tickets", { subject: "x" });
    expect(empty.statusCode).toBe(422);
    expect(Object.keys(empty.json().error.fields)).toEqual(
      expect.arrayContaining(["subject", "contactReason", "message"]),
    );
  });

  it("another referrer's ticket is a 404 everywhere, never in their list", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth);
    for (const [method, url, payload] of [
      ["GET", `/api/portal/tickets/${ticket.id}`, undefined],
      ["POST", `/api/portal/tickets/${ticket.id}/messages`, { message: "oi" }],
      ["POST", `/api/portal/tickets/${ticket.id}/read`, undefined],
    ] as const) {
      const response = await call(t, other.auth, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe("ticket_not_found");
    }
    for (const state of ["open", "closed"]) {
      const list = await call(t, other.auth, "GET", `/api/portal/tickets?state=${state}`);
      expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(ticket.id);
    }
  });

  it("an internal note never reaches the referrer: not in the thread, not e-mailed", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth);
    await note(t, desk.agent, ticket.id, "Nota secreta: cliente difícil");
    await reply(t, desk.agent, ticket.id, "Olá! Já verificamos.");
    await t.drainJobs();
    const seen = await call(t, desk.referrer.auth, "GET", `/api/portal/tickets/${ticket.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain("Nota secreta");
    expect(seen.json().messages.map((m: { text: string }) => m.text)).toEqual([
      "Indiquei uma empresa ontem e ela não aparece na lista.",
      "Olá! Já verificamos.",
    ]);
    const mail = await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.ticketId, ticket.id));
    expect(mail.some((m) => m.text?.includes("Nota secreta"))).toBe(false);
  });

  it("a resolved or closed ticket takes no more messages from the referrer (409) and says why", async () => {
    for (const status of ["resolved", "closed"]) {
      const ticket = await openTicketOk(t, desk.referrer.auth);
      await setStatus(t, desk.agent, ticket.id, status);
      const response = await call(
        t,
        desk.referrer.auth,
        "POST",
        `/api/portal/tickets/${ticket.id}/messages`,
        {
          message: "Mais uma coisa",
        },
      );
      expect(response.statusCode, status).toBe(409);
      expect(response.json().error).toMatchObject({ code: "ticket_closed_for_messages", status });
      const detail = await call(t, desk.referrer.auth, "GET", `/api/portal/tickets/${ticket.id}`);
      expect(detail.json()).toMatchObject({ status, canReply: false });
      expect(detail.json().messages).toHaveLength(1);
    }
  });

  it("a comment on a pending ticket reopens it and waits on the agent again", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth);
    await reply(t, desk.agent, ticket.id, "Pode mandar o CNPJ?", "pending");
    const response = await call(t, desk.referrer.auth, "POST", `/api/portal/tickets/${ticket.id}/messages`, {
      message: "Claro: 12.345.678/0001-95",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ status: "open", situation: "awaiting_agent" });
    expect(response.json().events.map((e: { to: string }) => e.to)).toEqual(["pending", "open"]);
  });

  it("new staff replies are unread until the referrer opens the ticket", async () => {
    const ticket = await openTicketOk(t, desk.referrer.auth);
    const unread = (await call(t, desk.referrer.auth, "GET", "/api/portal/tickets")).json().items;
    expect(unread.find((i: { id: string }) => i.id === ticket.id).hasUnread).toBe(false);
    await reply(t, desk.agent, ticket.id, "Resposta nova");
    const list = (await call(t, desk.referrer.auth, "GET", "/api/portal/tickets")).json().items;
    expect(list.find((i: { id: string }) => i.id === ticket.id).hasUnread).toBe(true);
    const detail = (await call(t, desk.referrer.auth, "GET", `/api/portal/tickets/${ticket.id}`)).json();
    expect(detail.messages.map((m: { isUnread: boolean }) => m.isUnread)).toEqual([false, true]);
    const read = await call(t, desk.referrer.auth, "POST", `/api/portal/tickets/${ticket.id}/read`);
    expect(read.statusCode).toBe(204);
    const after = (await call(t, desk.referrer.auth, "GET", "/api/portal/tickets")).json().items;
    expect(after.find((i: { id: string }) => i.id === ticket.id).hasUnread).toBe(false);
  });

  it("lists open and closed tabs with counts, newest conversation first, in keyset pages", async () => {
    const referrer = await makeReferrer(t, desk.scope);
    const opened = [];
    for (let i = 0; i < 5; i++)
      opened.push(await openTicketOk(t, referrer.auth, { subject: `Pergunta ${i}` }));
    await setStatus(t, desk.agent, opened[0]!.id, "resolved");
    await setStatus(t, desk.agent, opened[1]!.id, "closed");
    const first = (await call(t, referrer.auth, "GET", "/api/portal/tickets?limit=2")).json();
    expect(first.counts).toEqual({ open: 3, closed: 2 });
    expect(first.items.map((i: { subject: string }) => i.subject)).toEqual(["Pergunta 4", "Pergunta 3"]);
    const second = (
      await call(t, referrer.auth, "GET", `/api/portal/tickets?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((i: { subject: string }) => i.subject)).toEqual(["Pergunta 2"]);
    expect(second.nextCursor).toBeNull();
    const closed = (await call(t, referrer.auth, "GET", "/api/portal/tickets?state=closed")).json();
    expect(closed.items.map((i: { status: string }) => i.status).sort()).toEqual(["closed", "resolved"]);
  });

  it("the form's options are the program's contact reasons and the referrer's own referrals", async () => {
    const options = (await call(t, desk.referrer.auth, "GET", "/api/portal/helpdesk/options")).json();
    expect(options.contactReasons.map((r: { code: string }) => r.code)).toContain("referral_status");
    expect(options.referrals).toEqual([]);
  });

  it("leaving the program closes the referrer's open and pending tickets, with a system event", async () => {
    const referrer = await makeReferrer(t, desk.scope);
    const open = await openTicketOk(t, referrer.auth);
    const pending = await openTicketOk(t, referrer.auth);
    const resolved = await openTicketOk(t, referrer.auth);
    await setStatus(t, desk.agent, pending.id, "pending");
    await setStatus(t, desk.agent, resolved.id, "resolved");
    await inTransaction(t.ctx.db, (tx) => closeParticipantTickets(tx, referrer.id));
    const rows = await t.ctx.db.select().from(tickets).where(eq(tickets.participantId, referrer.id));
    const statusOf = (id: string) => rows.find((row) => row.id === id)?.status;
    expect([statusOf(open.id), statusOf(pending.id), statusOf(resolved.id)]).toEqual([
      "closed",
      "closed",
      "resolved",
    ]);
    const events = await t.ctx.db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, open.id), eq(ticketEvents.kind, "status")));
    expect(events.at(-1)).toMatchObject({ fromValue: "open", toValue: "closed", actorKind: "system" });
  });

  it("a script in the subject or message is kept as text and never becomes markup", async () => {
    const payload = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const ticket = await openTicketOk(t, desk.referrer.auth, {
      subject: `Ajuda ${payload}`,
      message: payload,
    });
    expect(ticket.subject).toBe(`Ajuda ${payload}`);
    expect(ticket.messages[0]!.text).toBe(payload);
    expect(ticket.messages[0]!.html).not.toMatch(/<script|onerror/i);
    await reply(t, desk.agent, ticket.id, `Resposta ${payload}`);
    await t.drainJobs();
    const [mail] = await t.ctx.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.ticketId, ticket.id), eq(emailOutbox.template, "helpdesk.agent-reply")));
    expect(mail!.html).not.toContain("<script>");
    expect(mail!.html).toContain("&lt;script&gt;");
  });
});
