// Turns a raw inbound message into the few facts routing, classification and quote stripping need.
// MIME, charsets, quoted-printable, base64 and format=flowed are mailparser's job; this file only
// picks fields and normalises them (addresses lower-cased, Message-IDs with angle brackets).
import { type AddressObject, type EmailAddress, simpleParser } from "mailparser";
import { messageIdList } from "./message-ids.js";

export type ParsedEmail = {
  messageId: string | null;
  inReplyTo: string[];
  /** Oldest first, as the header lists them. */
  references: string[];
  from: { address: string; name: string } | null;
  /** To, Cc, Delivered-To, X-Original-To and Envelope-To, lower-cased and deduplicated. */
  recipients: string[];
  subject: string;
  date: Date | null;
  /** The text part, or the text mailparser derives from the HTML when the mail is HTML-only. */
  text: string;
  /** The HTML part as received: unsanitized, never show it as is. */
  html: string | null;
  /** Lower-case header name -> raw (unfolded, undecoded) value of its first occurrence. */
  headers: Map<string, string>;
  attachments: { fileName: string | null; contentType: string; size: number }[];
  /** The text of a message/delivery-status part (RFC 3464), for bounces. */
  deliveryStatus: string | null;
  /** In a multipart/report (a bounce), the Message-ID of the message it returns. */
  returnedMessageId: string | null;
};

const ENVELOPE_RECIPIENT_HEADERS = ["delivered-to", "x-original-to", "envelope-to"];
const DELIVERY_STATUS_TYPES = ["message/delivery-status", "message/global-delivery-status"];
const RETURNED_MESSAGE_TYPES = ["message/rfc822", "text/rfc822-headers", "message/global-headers"];

// PostgreSQL's text cannot hold NUL, which mail can carry (a broken client, a hostile sender): the
// fields we store lose it, or the message could never be posted (the raw message keeps every byte).
const withoutNul = (value: string) => (value.includes("\0") ? value.replaceAll("\0", "") : value);
const withoutNulOrNull = (value: string | null) => (value === null ? null : withoutNul(value));
const withoutNulIn = (mailbox: { address: string; name: string } | null) =>
  mailbox && { address: withoutNul(mailbox.address), name: withoutNul(mailbox.name) };

export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  // keepDeliveryStatus: the DSN part stays an attachment we read, instead of being glued to the text.
  const mail = await simpleParser(raw, { keepDeliveryStatus: true, skipTextToHtml: true });
  const headerLines = mail.headerLines.map(({ key, line }) => ({
    key,
    value: withoutNul(headerValue(line)),
  }));
  const headers = new Map<string, string>();
  for (const { key, value } of headerLines) if (!headers.has(key)) headers.set(key, value);
  const attachments = mail.attachments;
  return {
    messageId: messageIdList(headers.get("message-id") ?? "")[0] ?? null,
    inReplyTo: messageIdList(headers.get("in-reply-to") ?? ""),
    references: messageIdList(headers.get("references") ?? ""),
    from: withoutNulIn(firstMailbox(mail.from)),
    recipients: recipientsOf(
      [mail.to, mail.cc],
      headerLines.filter(({ key }) => ENVELOPE_RECIPIENT_HEADERS.includes(key)).map(({ value }) => value),
    ),
    subject: withoutNul(mail.subject ?? ""),
    date: dateOf(headers.get("date")),
    text: withoutNul(mail.text ?? ""),
    html: typeof mail.html === "string" ? withoutNul(mail.html) : null,
    headers,
    attachments: attachments.map((part) => ({
      fileName: part.filename ? withoutNul(part.filename) : null,
      contentType: part.contentType,
      size: part.size,
    })),
    deliveryStatus: withoutNulOrNull(partText(attachments, DELIVERY_STATUS_TYPES)),
    returnedMessageId: isReport(headers)
      ? returnedMessageIdOf(partText(attachments, RETURNED_MESSAGE_TYPES))
      : null,
  };
}

/** "Subject: a\r\n b" -> "a b": the value after the colon, unfolded (RFC 5322 §2.2.3), trimmed. */
function headerValue(line: string): string {
  return line
    .slice(line.indexOf(":") + 1)
    .replace(/\r?\n(?=[ \t])/g, "")
    .trim();
}

function firstMailbox(header: AddressObject | undefined): ParsedEmail["from"] {
  const mailbox = header ? flatten(header.value)[0] : undefined;
  if (!mailbox?.address?.includes("@")) return null;
  return { address: mailbox.address.toLowerCase(), name: mailbox.name };
}

function flatten(addresses: EmailAddress[]): EmailAddress[] {
  return addresses.flatMap((entry) => (entry.group ? flatten(entry.group) : [entry]));
}

function recipientsOf(
  headers: (AddressObject | AddressObject[] | undefined)[],
  envelope: string[],
): string[] {
  const fromHeaders = headers
    .flatMap((header) => (header === undefined ? [] : Array.isArray(header) ? header : [header]))
    .flatMap((header) => flatten(header.value))
    .map((mailbox) => mailbox.address ?? "");
  // Delivered-To and friends hold bare addresses, sometimes in angle brackets.
  const fromEnvelope = envelope
    .flatMap((value) => value.split(","))
    .map((value) => value.replace(/[<>]/g, ""));
  const all = [...fromHeaders, ...fromEnvelope].map((address) => address.trim().toLowerCase());
  return [...new Set(all.filter((address) => address.includes("@")))];
}

function dateOf(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function partText(parts: { contentType: string; content: Buffer }[], types: string[]): string | null {
  const part = parts.find((candidate) => types.includes(candidate.contentType.toLowerCase()));
  return part ? part.content.toString("utf8") : null;
}

function isReport(headers: Map<string, string>): boolean {
  return /^\s*multipart\/report\b/i.test(headers.get("content-type") ?? "");
}

function returnedMessageIdOf(returned: string | null): string | null {
  if (!returned) return null;
  const headerBlock = returned.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const match = /^message-id:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(headerBlock);
  return match?.[1] ? (messageIdList(match[1])[0] ?? null) : null;
}
