// Issue 16.7: a From header alone bound mail to the referrer with that address, and a known Message-ID
// threaded it into their ticket. The sender is now checked (DKIM, SPF, DMARC with mailauth, against a
// local DNS zone and messages signed here with a test key; or a trusted relay's Authentication-Results):
// mail whose sender is not verified never lands in an existing ticket by sender or Message-ID.
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InboundSmtpServer, startInboundSmtpServer } from "../../src/modules/inbound/index.js";
import { inboundEmails } from "../../src/modules/inbound/schema.js";
import { call } from "../support/back-office.js";
import { makeHelpdesk } from "../support/helpdesk.js";
import {
  agentTicket,
  answeredTicket,
  deliverEmail,
  INBOUND_SECRET,
  plainEmail,
} from "../support/inbound-mail.js";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { dkimSigned } from "../support/test-dns.js";

/** A reply that names the ticket e-mail only by its Message-ID, as a spoofer who saw it would write. */
const threadReply = (from: string, sent: { messageId: string }, domain: string) =>
  plainEmail({
    from,
    to: `nao-responda@${domain}`,
    headers: { "In-Reply-To": sent.messageId, References: sent.messageId },
    body: "Troquem o meu telefone de contato, por favor.",
  });

describe("inbound mail from a sender that is not verified", () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeHelpdesk>>;
  beforeAll(async () => {
    t = await createTestApp({ INBOUND_SECRET });
    desk = await makeHelpdesk(t);
  });
  afterAll(() => t.close());

  async function listed(ticketId: string) {
    const list = await call(t, desk.agent, "GET", "/api/admin/tickets?limit=100");
    return list.json().items.find((item: { id: string }) => item.id === ticketId);
  }

  it("a spoofed From quoting the ticket's Message-ID opens a new ticket marked unverified, not a message in theirs", async () => {
    const { ticket, referrer, sent } = await answeredTicket(t, desk);
    const row = await deliverEmail(t, threadReply(referrer.email, sent, t.ctx.mail.replyDomain));
    expect(row).toMatchObject({
      status: "ticket_opened",
      outcome: "sender_unverified",
      participantId: referrer.id,
    });
    expect(row.ticketId).not.toBe(ticket.id);
    expect(await agentTicket(t, desk.agent, row.ticketId!)).toMatchObject({ senderUnverified: true });
    expect(await listed(row.ticketId!)).toMatchObject({ senderUnverified: true });
    const original = await agentTicket(t, desk.agent, ticket.id);
    expect(original).toMatchObject({ status: "pending", senderUnverified: false });
    expect(original.messages.some((message) => message.source === "email")).toBe(false);
  });

  it("the same reply signed by the referrer's domain (DKIM) joins their ticket", async () => {
    const { ticket, referrer, sent } = await answeredTicket(t, desk);
    const row = await deliverEmail(
      t,
      await dkimSigned(threadReply(referrer.email, sent, t.ctx.mail.replyDomain)),
    );
    expect(row).toMatchObject({ status: "attached", outcome: "references", ticketId: ticket.id });
    expect(row.senderAuthentication).toMatchObject({
      verified: true,
      summary: expect.stringContaining("dkim=pass"),
    });
  });

  it("a signature broken in transit, or by another domain than the From's, verifies nobody", async () => {
    const { referrer, sent } = await answeredTicket(t, desk);
    const domain = t.ctx.mail.replyDomain;
    const signed = (await dkimSigned(threadReply(referrer.email, sent, domain))).toString();
    const tampered = Buffer.from(signed.replace("Troquem o meu telefone", "Troquem o meu PIX"));
    const foreign = await dkimSigned(threadReply(referrer.email, sent, domain), "attacker.example");
    for (const raw of [tampered, foreign]) {
      expect(await deliverEmail(t, raw)).toMatchObject({
        status: "ticket_opened",
        outcome: "sender_unverified",
      });
    }
  });

  it("a domain whose DMARC policy the message fails is not verified, even with another domain's signature", async () => {
    const { referrer, sent } = await answeredTicket(t, desk);
    const domain = referrer.email.split("@")[1]!;
    t.dns.addTxt(`_dmarc.${domain}`, "v=DMARC1; p=reject");
    const reply = threadReply(referrer.email, sent, t.ctx.mail.replyDomain);
    const row = await deliverEmail(t, await dkimSigned(reply, "attacker.example"));
    expect(row).toMatchObject({ outcome: "sender_unverified" });
    expect(row.senderAuthentication?.summary).toContain("dmarc=fail");
  });

  it("a reply token used from another address than the referrer's opens a new ticket marked, pointing back", async () => {
    const { ticket, sent } = await answeredTicket(t, desk);
    const raw = await dkimSigned(plainEmail({ from: "colega@outra-empresa.example", to: sent.replyTo! }));
    const row = await deliverEmail(t, raw);
    expect(row).toMatchObject({ status: "ticket_opened", outcome: "token_other_sender" });
    const opened = await agentTicket(t, desk.agent, row.ticketId!);
    expect(opened).toMatchObject({ senderUnverified: true, previousTicket: { id: ticket.id } });
    expect((await agentTicket(t, desk.agent, ticket.id)).messages.some((m) => m.source === "email")).toBe(
      false,
    );
  });
});

describe("SPF through the SMTP listener", () => {
  let t: TestApp;
  let smtp: InboundSmtpServer;
  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startInboundSmtpServer(t.ctx, { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  async function sendFrom(address: string) {
    const mailer = nodemailer.createTransport({
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    const messageId = `<${crypto.randomUUID()}@spf.example>`;
    await mailer.sendMail({
      from: address,
      to: `programa@${t.ctx.mail.replyDomain}`,
      subject: "Oi",
      text: "Oi",
      messageId,
    });
    mailer.close();
    await t.drainJobs();
    const [row] = await t.ctx.db.select().from(inboundEmails).where(eq(inboundEmails.messageId, messageId));
    return row!;
  }

  it("a server the From domain's SPF record allows verifies the sender; any other server does not", async () => {
    t.dns.addTxt("permitted.example", "v=spf1 ip4:127.0.0.1 -all");
    t.dns.addTxt("elsewhere.example", "v=spf1 ip4:192.0.2.10 -all");
    expect((await sendFrom("ana@permitted.example")).senderAuthentication).toMatchObject({
      verified: true,
      summary: "dkim=none spf=pass dmarc=none",
    });
    expect((await sendFrom("ana@elsewhere.example")).senderAuthentication).toMatchObject({
      verified: false,
      summary: "dkim=none spf=fail dmarc=none",
    });
  });
});

describe("a trusted relay's Authentication-Results (INBOUND_TRUSTED_AUTHSERV_ID)", () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeHelpdesk>>;
  beforeAll(async () => {
    t = await createTestApp({ INBOUND_SECRET, INBOUND_TRUSTED_AUTHSERV_ID: "mx.corrente.test" });
    desk = await makeHelpdesk(t);
  });
  afterAll(() => t.close());

  const withResults = (raw: Buffer, ...headers: string[]) =>
    Buffer.concat([
      Buffer.from(headers.map((header) => `Authentication-Results: ${header}\r\n`).join("")),
      raw,
    ]);

  it("the relay's verdict on top is trusted; one the sender wrote below it, or another server's, is not", async () => {
    const cases = [
      {
        header: ["mx.corrente.test; dkim=pass header.d={d}; dmarc=pass (p=none) header.from={d}"],
        outcome: "references",
      },
      {
        header: [
          "mx.corrente.test; dmarc=fail header.from={d}",
          "mx.corrente.test; dmarc=pass header.from={d}",
        ],
        outcome: "sender_unverified",
      },
      { header: ["mx.attacker.example; dmarc=pass header.from={d}"], outcome: "sender_unverified" },
      { header: ["mx.corrente.test; dmarc=pass header.from=attacker.example"], outcome: "sender_unverified" },
    ];
    for (const { header, outcome } of cases) {
      const { referrer, sent } = await answeredTicket(t, desk);
      const domain = referrer.email.split("@")[1]!;
      const raw = withResults(
        threadReply(referrer.email, sent, t.ctx.mail.replyDomain),
        ...header.map((h) => h.replaceAll("{d}", domain)),
      );
      expect(await deliverEmail(t, raw), header.join(" | ")).toMatchObject({
        outcome,
        senderAuthentication: null,
      });
    }
  });
});
