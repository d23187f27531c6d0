import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedAddressTargets } from "./reply-address.js";
import type { OutboxEmail } from "./schema.js";
import { createSmtpTransport } from "./transport.js";

describe("the SMTP transport", () => {
  const received: Buffer[] = [];
  const envelopeSenders: string[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        envelopeSenders.push(session.envelope.mailFrom ? session.envelope.mailFrom.address : "");
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("delivers the outbox message as rendered, with its Message-ID, Reply-To, automatic-mail headers and its own signed bounce address as envelope sender", async () => {
    const signing = { secret: "a-test-secret-that-is-long-enough-000", replyDomain: "indique.example.com" };
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`, signing);
    const email: OutboxEmail = {
      id: "6d1f1a7e-6f0b-4c1e-9a51-3a2b2b8f0c11",
      organizationId: null,
      programId: null,
      participantId: null,
      ticketId: null,
      template: "test",
      locale: "pt-BR",
      status: "pending",
      attempts: 0,
      lastError: null,
      createdAt: new Date(),
      sentAt: null,
      toAddress: "ana@example.com",
      fromAddress: "Programa <no-reply@indique.example.com>",
      replyTo: "reply+abc@indique.example.com",
      subject: "Seu link de acesso — Vai de Desk Manager",
      text: "Olá, Ana\n\nhttps://indique.example.com/portal/auth/x",
      html: "<p>Olá, Ana</p>",
      messageId: "<6d1f1a7e-6f0b-4c1e-9a51-3a2b2b8f0c11@indique.example.com>",
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    };
    await transport.deliver(email);
    transport.close();

    expect(received).toHaveLength(1);
    // VERP: a bounce goes back to a bounce token naming the very e-mail that failed, not its Reply-To.
    expect(envelopeSenders).toHaveLength(1);
    expect(envelopeSenders[0]).toMatch(/^bounce\+[a-z2-7]{42}@indique\.example\.com$/);
    const { secret, replyDomain } = signing;
    expect(signedAddressTargets("bounce", envelopeSenders, secret, replyDomain)).toEqual([email.id]);
    expect(signedAddressTargets("reply", envelopeSenders, secret, replyDomain)).toEqual([]);
    const parsed = await simpleParser(received[0]!);
    expect(parsed.messageId).toBe(email.messageId);
    expect(parsed.subject).toBe(email.subject);
    expect(parsed.replyTo?.text).toBe(email.replyTo);
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.headers.get("x-auto-response-suppress")).toBe("All");
    expect(parsed.text?.trim()).toBe(email.text);
    expect(parsed.html).toContain("Olá, Ana");
  });
});
