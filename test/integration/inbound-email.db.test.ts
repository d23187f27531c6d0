import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketMessages, tickets } from "../../src/modules/helpdesk/schema.js";
import { HOURLY_LIMIT_PER_SENDER } from "../../src/modules/inbound/hourly-cap.js";
import { processAlone } from "../../src/modules/inbound/process-batch.js";
import { inboundEmails } from "../../src/modules/inbound/schema.js";
import { emailSuppressions } from "../../src/platform/mail/schema.js";
import { loadMailFixture } from "../fixtures/mail/load-mail-fixture.js";
import { call, signInAs } from "../support/back-office.js";
import { makeProgram } from "../support/factories.js";
import { makeHelpdesk, makeReferrer, setStatus } from "../support/helpdesk.js";
import {
  agentTicket,
  answeredTicket,
  deliverEmail,
  deliverFixture,
  INBOUND_SECRET,
  plainEmail,
  postRawEmail,
} from "../support/inbound-mail.js";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { dkimSigned } from "../support/test-dns.js";

// What each person's reply in the corpus must keep, and a piece of the quoted history or signature
// that must be gone (see test/fixtures/mail/README.md).
const replies: { fixture: string; kept: string; stripped: string | null }[] = [
  {
    fixture: "gmail-reply-pt",
    kept: "Já corrigi o CNPJ da indicação da Padaria Estrela",
    stripped: "escreveu",
  },
  { fixture: "gmail-reply-en", kept: "I picked the gift card", stripped: "Your reward is ready" },
  { fixture: "outlook-reply-pt", kept: "12.345.678/0001-95", stripped: "Enviado:" },
  { fixture: "outlook-reply-en", kept: "already signed the contract", stripped: "Sent:" },
  {
    fixture: "apple-mail-reply-pt",
    kept: "A reunião com eles ficou para terça",
    stripped: "Enviado do meu iPhone",
  },
  {
    fixture: "thunderbird-reply-pt",
    kept: "já é cliente desde outubro",
    stripped: "Recebemos a sua indicação",
  },
  {
    fixture: "base64-body",
    kept: "Já enviei os documentos pedidos pelo portal",
    stripped: "Mensagem original",
  },
  { fixture: "iso-8859-1-qp", kept: "Não recebi o e-mail de confirmação", stripped: "Enviada em" },
  // Answers written between the quoted lines need them: the whole conversation is kept.
  { fixture: "inline-reply-en", kept: "Mary Jones, the office manager", stripped: null },
  { fixture: "signature-dashes", kept: "comprovante de endereço", stripped: "(11) 5555-0100" },
];

describe("inbound e-mail into the helpdesk", () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeHelpdesk>>;
  beforeAll(async () => {
    t = await createTestApp({ INBOUND_SECRET });
    desk = await makeHelpdesk(t);
  });
  afterAll(() => t.close());

  describe("a referrer's reply to a ticket e-mail joins that ticket, without the quoted history", () => {
    for (const { fixture, kept, stripped } of replies) {
      it(`${fixture}`, async () => {
        const { ticket, vars } = await answeredTicket(t, desk);
        const row = await deliverFixture(t, fixture, vars);
        expect(row).toMatchObject({ status: "attached", outcome: "token", ticketId: ticket.id });

        const after = await agentTicket(t, desk.agent, ticket.id);
        // The referrer answered what the team waited for: the pending ticket is open again.
        expect(after).toMatchObject({ status: "open", situation: "awaiting_agent" });
        const last = after.messages.at(-1)!;
        expect(last).toMatchObject({ source: "email", inboundEmailId: row.id, authorKind: "participant" });
        expect(last.text).toContain(kept);
        if (stripped) expect(last.text).not.toContain(stripped);
        expect(last.html).not.toMatch(/<script|onerror=/i);
      });
    }
  });

  it("an HTML-only reply keeps its text and never its markup's scripts or styles", async () => {
    const { ticket, vars } = await answeredTicket(t, desk);
    const row = await deliverFixture(t, "html-only", vars);
    expect(row.status).toBe("attached");
    const last = (await agentTicket(t, desk.agent, ticket.id)).messages.at(-1)!;
    expect(last.text.trim().length).toBeGreaterThan(0);
    expect(last.text).not.toContain("Sua indicação foi aprovada!");
    expect(last.html).not.toMatch(/<style|<script|font-family/i);
  });

  it("the original stays as received: agents view it byte for byte, and only in their organization", async () => {
    const { vars } = await answeredTicket(t, desk);
    // A Message-ID of its own: the corpus test above already delivered this fixture once.
    const raw = Buffer.from(
      loadMailFixture("iso-8859-1-qp", vars)
        .toString("latin1")
        .replace(/^Message-ID: .*$/im, `Message-ID: <${crypto.randomUUID()}@example.com.br>`),
      "latin1",
    );
    const row = await deliverEmail(t, raw);
    const original = await call(t, desk.agent, "GET", `/api/admin/inbound/${row.id}/original`);
    expect(original.statusCode).toBe(200);
    expect(original.headers["content-type"]).toMatch(/^text\/plain/);
    expect(original.rawPayload.equals(raw)).toBe(true);

    const stranger = await signInAs(t, (await makeProgram(t.ctx.db)).scope.organizationId, "support");
    for (const path of [`/api/admin/inbound/${row.id}`, `/api/admin/inbound/${row.id}/original`]) {
      expect((await call(t, stranger.auth, "GET", path)).statusCode).toBe(404);
    }
  });

  it("a reply to a resolved ticket opens a new e-mail ticket linked to it", async () => {
    const { ticket, vars } = await answeredTicket(t, desk);
    await setStatus(t, desk.agent, ticket.id, "resolved");
    const row = await deliverFixture(t, "reply-to-closed-ticket", vars);
    expect(row.status).toBe("ticket_opened");
    expect(row.ticketId).not.toBe(ticket.id);
    const opened = await agentTicket(t, desk.agent, row.ticketId!);
    expect(opened).toMatchObject({ channel: "email", status: "open", previousTicket: { id: ticket.id } });
    expect(opened.messages[0]!.text).toContain("O problema voltou");
    expect((await agentTicket(t, desk.agent, ticket.id)).status).toBe("resolved");
  });

  it("a forged token is ignored: the message goes by its (unverified) sender instead, to a new ticket", async () => {
    const { ticket, vars } = await answeredTicket(t, desk);
    const row = await deliverFixture(t, "forged-token", vars);
    expect(row).toMatchObject({ status: "ticket_opened", outcome: "sender_unverified" });
    expect(row.ticketId).not.toBe(ticket.id);
  });

  it("a reply without our token is routed by In-Reply-To when it comes, verified, from that ticket's referrer", async () => {
    const { ticket, referrer, sent } = await answeredTicket(t, desk);
    const row = await deliverEmail(
      t,
      await dkimSigned(
        plainEmail({
          from: referrer.email,
          to: `nao-responda@${t.ctx.mail.replyDomain}`,
          headers: { "In-Reply-To": sent.messageId, References: sent.messageId },
        }),
      ),
    );
    expect(row).toMatchObject({ status: "attached", outcome: "references", ticketId: ticket.id });
  });

  it("someone else quoting the ticket's Message-ID does not get into it", async () => {
    const { ticket, sent } = await answeredTicket(t, desk);
    const row = await deliverEmail(
      t,
      plainEmail({
        from: "intruso@example.net",
        to: `nao-responda@${t.ctx.mail.replyDomain}`,
        headers: { "In-Reply-To": sent.messageId },
      }),
    );
    expect(row.status).toBe("quarantined");
    expect(row.ticketId).toBeNull();
    const messages = await t.ctx.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, ticket.id));
    expect(messages.every((message) => message.source !== "email")).toBe(true);
  });

  it("a referrer writing (verified) from their address to a program address opens a new e-mail ticket", async () => {
    const referrer = await makeReferrer(t, desk.scope);
    const row = await deliverEmail(
      t,
      await dkimSigned(
        plainEmail({
          from: `Fulano <${referrer.email.toUpperCase()}>`,
          to: `${desk.program.slug}@${t.ctx.mail.replyDomain}`,
        }),
      ),
    );
    expect(row).toMatchObject({ status: "ticket_opened", outcome: "sender", participantId: referrer.id });
    const opened = await agentTicket(t, desk.agent, row.ticketId!);
    expect(opened).toMatchObject({ channel: "email", subject: "Uma pergunta", contactReason: null });
  });

  describe("automatic mail never becomes a message", () => {
    for (const fixture of [
      "auto-reply-vacation-pt",
      "exchange-out-of-office",
      "mailing-list",
      "own-address-loop",
    ]) {
      it(fixture, async () => {
        const { ticket, vars } = await answeredTicket(t, desk);
        const before = await agentTicket(t, desk.agent, ticket.id);
        const row = await deliverFixture(t, fixture, vars);
        expect(row.status).toBe("ignored");
        expect(row.outcome).toBeTruthy();
        // Listed for the agents of the organization it was meant for, to audit what was dropped.
        const ignored = await call(t, desk.agent, "GET", "/api/admin/inbound?status=ignored&limit=100");
        expect(ignored.json().items.map((item: { id: string }) => item.id)).toContain(row.id);
        const after = await agentTicket(t, desk.agent, ticket.id);
        expect(after.messages).toHaveLength(before.messages.length);
        expect(after.status).toBe("pending");
      });
    }
  });

  it("a bounce to the e-mail's signed bounce address suppresses its recipient in the program of that e-mail", async () => {
    const { ticket, vars, referrer } = await answeredTicket(t, desk);
    const row = await deliverFixture(t, "dsn-bounce", vars);
    expect(row).toMatchObject({ status: "bounce", outcome: `bounce_hard_suppressed:${referrer.email}` });
    const suppressed = await t.ctx.db
      .select()
      .from(emailSuppressions)
      .where(
        and(
          eq(emailSuppressions.programId, desk.scope.programId),
          eq(emailSuppressions.email, referrer.email),
        ),
      );
    expect(suppressed).toMatchObject([{ reason: "bounced", detail: "5.1.1", sourceInboundEmailId: row.id }]);
    const bounces = await call(t, desk.agent, "GET", "/api/admin/inbound?status=bounce");
    expect(bounces.json().items.map((item: { id: string }) => item.id)).toContain(row.id);
    expect((await agentTicket(t, desk.agent, ticket.id)).messages.every((m) => m.source !== "email")).toBe(
      true,
    );
  });

  it("an unknown sender goes to the quarantine, where an agent attaches it to a referrer or discards it", async () => {
    const to = `${desk.program.slug}@${t.ctx.mail.replyDomain}`;
    const raw = Buffer.from(
      loadMailFixture("unknown-sender", { REPLY_DOMAIN: t.ctx.mail.replyDomain })
        .toString("utf8")
        .replace(/^To: .*$/m, `To: ${to}`),
    );
    const held = await deliverEmail(t, raw);
    expect(held).toMatchObject({ status: "quarantined", outcome: "unknown_sender", ticketId: null });
    const spam = await deliverEmail(
      t,
      plainEmail({ from: "spam@example.net", to, subject: "Oferta imperdível" }),
    );

    const list = await call(t, desk.agent, "GET", "/api/admin/inbound?status=quarantined");
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(expect.arrayContaining([held.id, spam.id]));
    const detail = (await call(t, desk.agent, "GET", `/api/admin/inbound/${held.id}`)).json();
    expect(detail.replyText).toContain("Como faço para participar?");

    const referrer = await makeReferrer(t, desk.scope);
    const attached = await call(t, desk.agent, "POST", `/api/admin/inbound/${held.id}/attach`, {
      participantId: referrer.id,
    });
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json()).toMatchObject({
      status: "ticket_opened",
      outcome: "agent",
      participant: { id: referrer.id },
    });
    const opened = await agentTicket(t, desk.agent, attached.json().ticketId);
    expect(opened.messages[0]!.text).toContain("Como faço para participar?");

    const again = await call(t, desk.agent, "POST", `/api/admin/inbound/${held.id}/discard`);
    expect(again.statusCode).toBe(409);
    const discarded = await call(t, desk.agent, "POST", `/api/admin/inbound/${spam.id}/discard`);
    expect(discarded.json()).toMatchObject({ status: "discarded" });
  });

  it("an agent cannot attach a message to another organization's referrer or to someone else's ticket", async () => {
    const held = await deliverEmail(
      t,
      plainEmail({ from: "alguem@example.net", to: `${desk.program.slug}@${t.ctx.mail.replyDomain}` }),
    );
    const elsewhere = await makeProgram(t.ctx.db);
    const outsider = await makeReferrer(t, elsewhere.scope);
    const foreign = await call(t, desk.agent, "POST", `/api/admin/inbound/${held.id}/attach`, {
      participantId: outsider.id,
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.fields.participantId).toBeDefined();

    const { ticket } = await answeredTicket(t, desk);
    const referrer = await makeReferrer(t, desk.scope);
    const notTheirs = await call(t, desk.agent, "POST", `/api/admin/inbound/${held.id}/attach`, {
      participantId: referrer.id,
      ticketId: ticket.id,
    });
    expect(notTheirs.statusCode).toBe(422);
  });

  it("the same message delivered twice is stored and posted once", async () => {
    const { ticket, referrer } = await answeredTicket(t, desk);
    const raw = plainEmail({ from: referrer.email, to: `${desk.program.slug}@${t.ctx.mail.replyDomain}` });
    const first = await postRawEmail(t, raw);
    const second = await postRawEmail(t, raw);
    expect(first.statusCode).toBe(202);
    expect(second.json()).toEqual({ id: first.json().id, duplicate: true });
    await t.drainJobs();
    expect(await processAlone(t.ctx, first.json().id)).toMatchObject({ status: "skipped" });
    const opened = await t.ctx.db.select().from(tickets).where(eq(tickets.participantId, referrer.id));
    expect(opened.filter((row) => row.id !== ticket.id)).toHaveLength(1);
  });

  it(`a sender gets at most ${HOURLY_LIMIT_PER_SENDER} messages an hour into the helpdesk; the rest are kept aside`, async () => {
    const referrer = await makeReferrer(t, desk.scope);
    const to = `${desk.program.slug}@${t.ctx.mail.replyDomain}`;
    for (let i = 0; i < HOURLY_LIMIT_PER_SENDER; i++) {
      expect(
        (await postRawEmail(t, plainEmail({ from: referrer.email, to, subject: `Pergunta ${i}` })))
          .statusCode,
      ).toBe(202);
    }
    const over = await deliverEmail(t, plainEmail({ from: referrer.email, to, subject: "Mais uma" }));
    expect(over).toMatchObject({ status: "ignored", outcome: "rate_limited" });
    const rows = await t.ctx.db
      .select()
      .from(inboundEmails)
      .where(eq(inboundEmails.fromAddress, referrer.email));
    expect(rows.filter((row) => row.status === "ticket_opened")).toHaveLength(HOURLY_LIMIT_PER_SENDER);
  });

  describe("the HTTP door", () => {
    it("answers 401 without the secret and 403 with a wrong one, storing nothing", async () => {
      const raw = plainEmail({ from: "a@example.com", to: "b@example.com" });
      const missing = await t.app.inject({
        method: "POST",
        url: "/api/inbound/email",
        headers: { "content-type": "message/rfc822" },
        payload: raw,
      });
      expect(missing.statusCode).toBe(401);
      const wrong = await postRawEmail(t, raw, "not-the-secret-not-the-secret");
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().error.code).toBe("secret_invalid");
    });

    it("refuses another content type (415) and an empty body (4xx)", async () => {
      const json = await t.app.inject({
        method: "POST",
        url: "/api/inbound/email",
        headers: { "content-type": "application/json", "x-inbound-secret": INBOUND_SECRET },
        payload: { raw: "x" },
      });
      expect(json.statusCode).toBe(422);
      const text = await t.app.inject({
        method: "POST",
        url: "/api/inbound/email",
        headers: { "content-type": "text/plain", "x-inbound-secret": INBOUND_SECRET },
        payload: "From: a@b",
      });
      expect(text.statusCode).toBe(415);
      const empty = await postRawEmail(t, Buffer.alloc(0));
      expect(empty.statusCode).toBeGreaterThanOrEqual(400);
      expect(empty.statusCode).toBeLessThan(500);
    });

    it("is closed (403) when no INBOUND_SECRET is configured", async () => {
      const closed = await createTestApp();
      try {
        const response = await postRawEmail(
          closed,
          plainEmail({ from: "a@example.com", to: "b@example.com" }),
        );
        expect(response.statusCode).toBe(403);
        expect(response.json().error.code).toBe("inbound_disabled");
      } finally {
        await closed.close();
      }
    });
  });
});
