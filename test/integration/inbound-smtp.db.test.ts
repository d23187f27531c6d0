import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InboundSmtpServer, startInboundSmtpServer } from "../../src/modules/inbound/index.js";
import { MAX_INBOUND_BYTES } from "../../src/modules/inbound/receive-email.js";
import { inboundEmails } from "../../src/modules/inbound/schema.js";
import { makeHelpdesk } from "../support/helpdesk.js";
import { agentTicket, answeredTicket } from "../support/inbound-mail.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

describe("the inbound SMTP listener", () => {
  let t: TestApp;
  let smtp: InboundSmtpServer;
  let desk: Awaited<ReturnType<typeof makeHelpdesk>>;
  const transport = () =>
    nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port, secure: false, ignoreTLS: true });

  beforeAll(async () => {
    t = await createTestApp();
    desk = await makeHelpdesk(t);
    smtp = await startInboundSmtpServer(t.ctx, { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  it("a referrer's reply sent with Nodemailer lands in their ticket", async () => {
    const { ticket, referrer, sent } = await answeredTicket(t, desk);
    const mailer = transport();
    const info = await mailer.sendMail({
      from: `${referrer.name} <${referrer.email}>`,
      to: sent.replyTo!,
      subject: `Re: ${sent.subject}`,
      inReplyTo: sent.messageId,
      references: [sent.messageId],
      text: "Segue o CNPJ certo: 12.345.678/0001-95.\n\nEm seg., 23 de nov. de 2026, Programa <x@y> escreveu:\n> Pode nos enviar o CNPJ correto?",
    });
    mailer.close();
    expect(info.accepted).toEqual([sent.replyTo]);
    await t.drainJobs();

    const after = await agentTicket(t, desk.agent, ticket.id);
    const last = after.messages.at(-1)!;
    expect(last).toMatchObject({ source: "email", authorKind: "participant" });
    expect(last.text).toBe("Segue o CNPJ certo: 12.345.678/0001-95.");
    expect(after.status).toBe("open");
    const stored = await t.ctx.db.select().from(inboundEmails);
    expect(stored.find((row) => row.id === last.inboundEmailId)).toMatchObject({
      via: "smtp",
      envelopeFrom: referrer.email,
      envelopeTo: [sent.replyTo],
      status: "attached",
    });
  });

  it("refuses recipients outside the reply domain (550) and stores nothing for them", async () => {
    const mailer = transport();
    await expect(
      mailer.sendMail({ from: "a@example.com", to: "someone@elsewhere.example", subject: "x", text: "x" }),
    ).rejects.toMatchObject({ responseCode: 550 });
    mailer.close();
  });

  it("refuses a message over the size limit (552) without storing it", async () => {
    const before = (await t.ctx.db.select({ id: inboundEmails.id }).from(inboundEmails)).length;
    const mailer = transport();
    await expect(
      mailer.sendMail({
        from: "a@example.com",
        to: `someone@${t.ctx.mail.replyDomain}`,
        subject: "big",
        text: "x".repeat(MAX_INBOUND_BYTES + 1024),
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    mailer.close();
    expect((await t.ctx.db.select({ id: inboundEmails.id }).from(inboundEmails)).length).toBe(before);
  });
});
