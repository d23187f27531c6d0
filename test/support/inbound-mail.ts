// Helpers for inbound e-mail tests: a ticket the team answered by e-mail (so there is a reply token and
// a Message-ID to answer), the corpus bound to it, and delivery through the HTTP door.
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { type InboundEmail, inboundEmails } from "../../src/modules/inbound/schema.js";
import { bounceAddress } from "../../src/platform/mail/reply-address.js";
import { emailOutbox } from "../../src/platform/mail/schema.js";
import { loadMailFixture } from "../fixtures/mail/load-mail-fixture.js";
import { type Auth, call } from "./back-office.js";
import { makeReferrer, openTicketOk, reply, type TicketView } from "./helpdesk.js";
import type { TestApp } from "./test-app.js";

export const INBOUND_SECRET = "inbound-secret-for-tests-0123456789";

/** A referrer's ticket that an agent answered (left pending): the e-mail the referrer will reply to. */
export async function answeredTicket(
  t: TestApp,
  desk: { scope: { organizationId: string; programId: string }; agent: Auth },
) {
  const referrer = await makeReferrer(t, desk.scope);
  const ticket = await openTicketOk(t, referrer.auth);
  await reply(t, desk.agent, ticket.id, "Pode nos enviar o CNPJ correto?", "pending");
  const [sent] = await t.ctx.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.ticketId, ticket.id), eq(emailOutbox.participantId, referrer.id)));
  expect(sent?.replyTo).toBeTruthy();
  const vars = {
    REPLY_TO: sent!.replyTo!,
    IN_REPLY_TO: sent!.messageId,
    FROM: referrer.email,
    REPLY_DOMAIN: t.ctx.mail.replyDomain,
    // Where a delivery report on that e-mail comes back (its envelope sender, as the SMTP transport sets it).
    BOUNCE_TO: bounceAddress(t.ctx.mail.secret, sent!.id, t.ctx.mail.replyDomain),
    FAILED_TO: sent!.toAddress,
  };
  return { referrer, ticket, sent: sent!, vars };
}

export async function postRawEmail(t: TestApp, raw: Buffer, secret = INBOUND_SECRET) {
  return t.app.inject({
    method: "POST",
    url: "/api/inbound/email",
    headers: { "content-type": "message/rfc822", "x-inbound-secret": secret },
    payload: raw,
  });
}

/** Posts the message, lets the jobs run, and returns the stored row. */
export async function deliverEmail(t: TestApp, raw: Buffer): Promise<InboundEmail> {
  const response = await postRawEmail(t, raw);
  expect(response.statusCode, response.body).toBe(202);
  await t.drainJobs();
  const [row] = await t.ctx.db.select().from(inboundEmails).where(eq(inboundEmails.id, response.json().id));
  return row!;
}

export const deliverFixture = (t: TestApp, name: string, vars: Record<string, string>) =>
  deliverEmail(t, loadMailFixture(name, vars));

export async function agentTicket(t: TestApp, agent: Auth, id: string) {
  const response = await call(t, agent, "GET", `/api/admin/tickets/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Omit<TicketView, "messages"> & {
    channel: string;
    previousTicket: { id: string } | null;
    messages: {
      source: string;
      inboundEmailId: string | null;
      text: string;
      html: string;
      authorKind: string;
    }[];
  };
}

/** A small plain message, for tests about the pipeline rather than the content. */
export function plainEmail(options: {
  from: string;
  to: string;
  subject?: string;
  body?: string;
  messageId?: string;
  headers?: Record<string, string>;
}): Buffer {
  const lines = [
    `From: ${options.from}`,
    `To: ${options.to}`,
    `Subject: ${options.subject ?? "Uma pergunta"}`,
    `Message-ID: ${options.messageId ?? `<${crypto.randomUUID()}@mail.example.com>`}`,
    "Date: Mon, 23 Nov 2026 10:00:00 -0300",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    "",
    options.body ?? "Olá, quando sai o meu prêmio?",
    "",
  ];
  return Buffer.from(lines.join("\r\n"), "utf8");
}

export type { TicketView };
