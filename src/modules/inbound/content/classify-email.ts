// Decides what must never become a helpdesk message: bounces, auto-replies, lists, loops. A reply to an
// auto-reply is how two robots e-mail each other forever (RFC 3834 §2), so anything that says or looks
// automatic stays out, and a bounce is told apart first because it marks an address as undeliverable.
import { type FailedRecipient, failedRecipientsOf } from "./delivery-status.js";
import type { ParsedEmail } from "./parse-email.js";

export type AutomaticReason =
  | "auto_submitted"
  | "precedence"
  | "x_autoreply"
  | "auto_response_suppress"
  | "mailing_list"
  | "null_sender"
  | "mailer_daemon"
  | "own_address"
  /** A multipart/report that is not a failed delivery: a delay notice, a relay notice, a read receipt. */
  | "report";

export type EmailClassification =
  | { kind: "person" }
  | { kind: "automatic"; reason: AutomaticReason }
  | { kind: "bounce"; failedRecipients: FailedRecipient[] };

export type ClassifyEmailOptions = {
  /** The SMTP MAIL FROM; "" or "<>" is the null sender. When unknown, the Return-Path header stands in. */
  envelopeFrom?: string | null;
  ownAddresses: string[];
  ownDomain: string;
};

const BULK_PRECEDENCE = ["bulk", "junk", "list", "auto_reply", "auto-reply"];
const DAEMON_MAILBOXES = ["mailer-daemon", "mailer_daemon", "postmaster"];

export function classifyEmail(parsed: ParsedEmail, options: ClassifyEmailOptions): EmailClassification {
  // Bounces come from mailer-daemon too: look for the failure report before the sender.
  const failedRecipients = bounceRecipientsOf(parsed);
  if (failedRecipients) return { kind: "bounce", failedRecipients };
  const reason = automaticReasonOf(parsed, options);
  return reason ? { kind: "automatic", reason } : { kind: "person" };
}

/** The failed recipients when the message is a bounce, else null. */
function bounceRecipientsOf(parsed: ParsedEmail): FailedRecipient[] | null {
  const fromReport = isDeliveryStatusReport(parsed) ? failedRecipientsOf(parsed.deliveryStatus ?? "") : [];
  // X-Failed-Recipients (Exim and Gmail) names them without an RFC 3464 report; Exim sends it with
  // permanent failures only, so an address it names alone is a hard failure.
  const reported = new Set(fromReport.map((failed) => failed.address));
  const fromHeader = addressesIn(parsed.headers.get("x-failed-recipients") ?? "")
    .filter((address) => !reported.has(address))
    .map((address) => ({ address, status: null, isPermanent: true }));
  if (fromReport.length === 0 && fromHeader.length === 0) return null;
  return [...fromReport, ...new Map(fromHeader.map((failed) => [failed.address, failed])).values()];
}

function automaticReasonOf(parsed: ParsedEmail, options: ClassifyEmailOptions): AutomaticReason | null {
  const header = (name: string) => parsed.headers.get(name);
  const envelopeFrom = options.envelopeFrom ?? header("return-path") ?? null;
  const senders = [parsed.from?.address, envelopeFrom ? bareAddress(envelopeFrom) : undefined].filter(
    (address): address is string => Boolean(address),
  );
  if (/^\s*multipart\/report\b/i.test(header("content-type") ?? "")) return "report";
  if (!parsed.from || (envelopeFrom !== null && bareAddress(envelopeFrom) === "")) return "null_sender";
  if (senders.some((address) => DAEMON_MAILBOXES.includes(localPart(address)))) return "mailer_daemon";
  if (senders.some((address) => isOwnAddress(address, options))) return "own_address";
  // RFC 3834 §5: "no" is the only value a person's mail carries; comments and parameters may follow.
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted !== undefined && firstToken(autoSubmitted) !== "no") return "auto_submitted";
  if (parsed.headers.has("x-autoreply") || parsed.headers.has("x-autorespond")) return "x_autoreply";
  // Exchange sets it on out-of-office and other automatic mail it sends.
  if (parsed.headers.has("x-auto-response-suppress")) return "auto_response_suppress";
  // RFC 2919 and RFC 2369: a list's copy of a message is never a person writing to us.
  if (parsed.headers.has("list-id") || parsed.headers.has("list-unsubscribe")) return "mailing_list";
  if (BULK_PRECEDENCE.includes(firstToken(header("precedence") ?? ""))) return "precedence";
  return null;
}

function isDeliveryStatusReport(parsed: ParsedEmail): boolean {
  const contentType = parsed.headers.get("content-type") ?? "";
  return (
    /^\s*multipart\/report\b/i.test(contentType) &&
    /report-type\s*=\s*"?delivery-status"?/i.test(contentType) &&
    parsed.deliveryStatus !== null
  );
}

function isOwnAddress(address: string, options: ClassifyEmailOptions): boolean {
  const own = options.ownAddresses.map((candidate) => candidate.trim().toLowerCase());
  const domain = address.slice(address.lastIndexOf("@") + 1);
  const ownDomain = options.ownDomain.trim().toLowerCase();
  return own.includes(address) || domain === ownDomain || domain.endsWith(`.${ownDomain}`);
}

/** "auto-replied; owner-email=x (vacation)" -> "auto-replied" */
function firstToken(value: string): string {
  return (value.split(/[;(\s]/, 1)[0] ?? "").trim().toLowerCase();
}

function bareAddress(value: string): string {
  return value.trim().replace(/^<|>$/g, "").trim().toLowerCase();
}

function localPart(address: string): string {
  const at = address.lastIndexOf("@");
  return at === -1 ? address : address.slice(0, at);
}

function addressesIn(value: string): string[] {
  return value
    .split(",")
    .map(bareAddress)
    .filter((address) => address.includes("@"));
}
