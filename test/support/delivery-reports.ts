// Delivery reports (RFC 3464) as a reporting mail server writes them, for bounce tests: a
// multipart/report with a per-recipient block for each failed address, and the headers of the returned
// message; or, the Exim way, a plain notice with X-Failed-Recipients.
import { randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";

export type ReportOptions = {
  /** The report's recipient: the envelope sender of the e-mail that failed. */
  to: string;
  failed: string[];
  /** RFC 3463 status of each failure: 5.x.x hard, 4.x.x soft. */
  status?: string;
  /** The Message-ID of the returned message. */
  returnedMessageId?: string;
};

export function deliveryReport(options: ReportOptions): Buffer {
  const boundary = `report-${randomUUID()}`;
  const status = options.status ?? "5.1.1";
  const perRecipient = options.failed.map((address) =>
    [`Final-Recipient: rfc822; ${address}`, "Action: failed", `Status: ${status}`].join("\r\n"),
  );
  const lines = [
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>",
    `To: ${options.to}`,
    "Subject: Undelivered Mail Returned to Sender",
    `Message-ID: <${randomUUID()}@mx.example.net>`,
    "Date: Mon, 23 Nov 2026 10:15:03 -0300",
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "Your message could not be delivered to one or more recipients.",
    "",
    `--${boundary}`,
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.net",
    "",
    perRecipient.join("\r\n\r\n"),
    "",
    `--${boundary}`,
    "Content-Type: text/rfc822-headers",
    "",
    `Message-ID: ${options.returnedMessageId ?? `<${randomUUID()}@corrente.test>`}`,
    "Subject: (returned)",
    "",
    `--${boundary}--`,
    "",
  ];
  return Buffer.from(lines.join("\r\n"));
}

/** Exim's notice: no report part, the failed addresses in X-Failed-Recipients. */
export function eximNotice(options: { to: string; failed: string[] }): Buffer {
  const lines = [
    "From: Mail Delivery System <Mailer-Daemon@mx.example.net>",
    `To: ${options.to}`,
    "Subject: Mail delivery failed: returning message to sender",
    `Message-ID: <${randomUUID()}@mx.example.net>`,
    `X-Failed-Recipients: ${options.failed.join(", ")}`,
    "Auto-Submitted: auto-replied",
    "",
    "This message was created automatically by mail delivery software.",
    "A message that you sent could not be delivered. This is a permanent error.",
    "",
  ];
  return Buffer.from(lines.join("\r\n"));
}

/** Sends raw mail to an SMTP server with the null sender (RFC 5321 §4.5.5: reports are sent from <>). */
export async function sendWithNullSender(port: number, to: string, raw: Buffer): Promise<void> {
  const mailer = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  try {
    await mailer.sendMail({ envelope: { from: "", to: [to] }, raw });
  } finally {
    mailer.close();
  }
}

/** The Message-ID and text of a message as sent. */
export async function readSent(raw: Buffer): Promise<{ messageId: string; text: string }> {
  const parsed = await simpleParser(raw);
  return { messageId: parsed.messageId ?? "", text: parsed.text ?? "" };
}
