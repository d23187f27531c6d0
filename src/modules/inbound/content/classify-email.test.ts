import { describe, expect, it } from "vitest";
import { classifyEmail } from "./classify-email.js";
import type { ParsedEmail } from "./parse-email.js";

const options = { ownAddresses: ["programa@corrente.test"], ownDomain: "reply.corrente.test" };

function parsedEmail(
  headers: Record<string, string> = {},
  overrides: Partial<ParsedEmail> = {},
): ParsedEmail {
  return {
    messageId: "<m@example.com>",
    inReplyTo: [],
    references: [],
    from: { address: "maria@example.com.br", name: "Maria" },
    recipients: ["reply+abc@reply.corrente.test"],
    subject: "Re: Sua indicação",
    date: new Date("2026-11-23T12:00:00Z"),
    text: "Oi",
    html: null,
    headers: new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    attachments: [],
    deliveryStatus: null,
    returnedMessageId: null,
    ...overrides,
  };
}

function deliveryStatus(...recipients: string[]): string {
  return [
    "Reporting-MTA: dns; mx.example.com",
    "Arrival-Date: Mon, 23 Nov 2026 10:15:02 -0300",
    "",
    ...recipients,
  ].join("\r\n");
}

const REPORT = "multipart/report; report-type=delivery-status; boundary=x";

describe("classifyEmail: headers that mark automatic mail", () => {
  it.each([
    ["Auto-Submitted", "auto-replied", "auto_submitted"],
    ["Auto-Submitted", "auto-generated", "auto_submitted"],
    ["Auto-Submitted", "auto-notified; owner-email=x@example.com", "auto_submitted"],
    ["Auto-Submitted", "", "auto_submitted"],
    ["Precedence", "bulk", "precedence"],
    ["Precedence", "junk", "precedence"],
    ["Precedence", "List", "precedence"],
    ["Precedence", "auto_reply", "precedence"],
    ["X-Autoreply", "yes", "x_autoreply"],
    ["X-Autorespond", "Ausente", "x_autoreply"],
    ["X-Auto-Response-Suppress", "All", "auto_response_suppress"],
    ["X-Auto-Response-Suppress", "OOF, AutoReply", "auto_response_suppress"],
    ["List-Id", "Indicadores <indicadores.lists.example.org>", "mailing_list"],
    ["List-Unsubscribe", "<mailto:leave@lists.example.org>", "mailing_list"],
  ])("%s: %s is automatic (%s)", (name, value, reason) => {
    expect(classifyEmail(parsedEmail({ [name]: value }), options)).toEqual({ kind: "automatic", reason });
  });

  it.each([
    ["Auto-Submitted", "no"],
    ["Auto-Submitted", "No (written by a person)"],
    ["Precedence", "first-class"],
    ["Precedence", "normal"],
    ["List-Post", "<mailto:list@example.org>"],
    ["X-Mailer", "Microsoft Outlook 16.0"],
  ])("%s: %s is a person", (name, value) => {
    expect(classifyEmail(parsedEmail({ [name]: value }), options)).toEqual({ kind: "person" });
  });
});

describe("classifyEmail: senders that are never a person", () => {
  it.each([
    ["no From address", parsedEmail({}, { from: null }), {}, "null_sender"],
    ["the null envelope sender", parsedEmail(), { envelopeFrom: "<>" }, "null_sender"],
    ["an empty envelope sender", parsedEmail(), { envelopeFrom: "" }, "null_sender"],
    ["Return-Path <> when the envelope is unknown", parsedEmail({ "Return-Path": "<>" }), {}, "null_sender"],
    [
      "From MAILER-DAEMON",
      parsedEmail({}, { from: { address: "mailer-daemon@mx.example.com", name: "" } }),
      {},
      "mailer_daemon",
    ],
    [
      "From postmaster",
      parsedEmail({}, { from: { address: "postmaster@example.com", name: "" } }),
      {},
      "mailer_daemon",
    ],
    [
      "an envelope from postmaster",
      parsedEmail(),
      { envelopeFrom: "<Postmaster@example.com>" },
      "mailer_daemon",
    ],
    [
      "one of our own addresses",
      parsedEmail({}, { from: { address: "programa@corrente.test", name: "" } }),
      {},
      "own_address",
    ],
    [
      "an address at our domain",
      parsedEmail({}, { from: { address: "reply+abc@reply.corrente.test", name: "" } }),
      {},
      "own_address",
    ],
    [
      "an address at a subdomain of ours",
      parsedEmail({}, { from: { address: "bounces@mx.reply.corrente.test", name: "" } }),
      {},
      "own_address",
    ],
    ["our envelope sender", parsedEmail(), { envelopeFrom: "reply+abc@reply.corrente.test" }, "own_address"],
  ])("%s is automatic", (_, parsed, envelope, reason) => {
    expect(classifyEmail(parsed, { ...options, ...envelope })).toEqual({ kind: "automatic", reason });
  });

  it.each([
    ["a person's envelope sender", { envelopeFrom: "maria@example.com.br" }],
    ["a domain that merely ends like ours", { envelopeFrom: "x@notreply.corrente.test" }],
    ["a mailbox named like a daemon elsewhere", { envelopeFrom: "mailer-daemon-fan@example.com" }],
    ["no envelope at all", { envelopeFrom: null }],
  ])("%s is a person", (_, envelope) => {
    expect(classifyEmail(parsedEmail(), { ...options, ...envelope })).toEqual({ kind: "person" });
  });
});

describe("classifyEmail: bounces", () => {
  const fromDaemon = { from: { address: "mailer-daemon@mx.example.com", name: "Mail Delivery System" } };

  it("takes the failed recipients of a DSN, original address first, even from mailer-daemon", () => {
    const parsed = parsedEmail(
      { "Content-Type": REPORT },
      {
        ...fromDaemon,
        deliveryStatus: deliveryStatus(
          "Final-Recipient: rfc822; ana@example.com",
          "Original-Recipient: rfc822;Ana.Alias@Example.com",
          "Action: failed",
          "Status: 5.1.1",
          "",
          "Final-Recipient: rfc822; bia@example.com",
          "Action: delayed",
          "Status: 4.4.1",
          "",
          "Final-Recipient: rfc822;<CARL@example.com>",
          "Action: failed (mailbox full)",
          "Status: 5.2.2",
        ),
      },
    );
    expect(classifyEmail(parsed, { ...options, envelopeFrom: "" })).toEqual({
      kind: "bounce",
      failedRecipients: [
        { address: "ana.alias@example.com", status: "5.1.1", isPermanent: true },
        { address: "ana@example.com", status: "5.1.1", isPermanent: true },
        { address: "carl@example.com", status: "5.2.2", isPermanent: true },
      ],
    });
  });

  it("takes X-Failed-Recipients without a DSN", () => {
    const parsed = parsedEmail({ "X-Failed-Recipients": "Ana@Example.com, bia@example.com" }, fromDaemon);
    expect(classifyEmail(parsed, options)).toEqual({
      kind: "bounce",
      failedRecipients: [
        { address: "ana@example.com", status: null, isPermanent: true },
        { address: "bia@example.com", status: null, isPermanent: true },
      ],
    });
  });

  it("tells a soft failure (a class 4 status the server gave up on) from a hard one", () => {
    const parsed = parsedEmail(
      { "Content-Type": REPORT },
      {
        ...fromDaemon,
        deliveryStatus: deliveryStatus(
          "Final-Recipient: rfc822; ana@example.com",
          "Action: failed",
          "Status: 4.2.2 (mailbox full)",
        ),
      },
    );
    expect(classifyEmail(parsed, options)).toEqual({
      kind: "bounce",
      failedRecipients: [{ address: "ana@example.com", status: "4.2.2", isPermanent: false }],
    });
  });

  it("treats a delay notice as automatic, not as a bounce", () => {
    const parsed = parsedEmail(
      { "Content-Type": REPORT },
      { deliveryStatus: deliveryStatus("Final-Recipient: rfc822; bia@example.com", "Action: delayed") },
    );
    expect(classifyEmail(parsed, options)).toEqual({ kind: "automatic", reason: "report" });
  });

  it("treats a read receipt (disposition-notification report) as automatic", () => {
    const parsed = parsedEmail({ "Content-Type": "multipart/report; report-type=disposition-notification" });
    expect(classifyEmail(parsed, options)).toEqual({ kind: "automatic", reason: "report" });
  });

  it("does not call a delivery-status text a bounce outside a multipart/report", () => {
    const parsed = parsedEmail(
      {},
      { deliveryStatus: deliveryStatus("Final-Recipient: rfc822; ana@example.com", "Action: failed") },
    );
    expect(classifyEmail(parsed, options)).toEqual({ kind: "person" });
  });

  it("answers automatic mailer_daemon for a non-DSN notice from mailer-daemon", () => {
    expect(classifyEmail(parsedEmail({}, fromDaemon), options)).toEqual({
      kind: "automatic",
      reason: "mailer_daemon",
    });
  });
});
