// Received e-mails as agents review them (issue #7 "Agent view"): the quarantine and the other lists by
// status, one e-mail as kept and as received, and the two decisions on a quarantined one.
import { apiRequest } from "../../api/api-client";

export const inboundEmailStatuses = [
  "quarantined",
  "ignored",
  "bounce",
  "discarded",
  "received",
  "attached",
  "ticket_opened",
  "failed",
] as const;
export type InboundEmailStatus = (typeof inboundEmailStatuses)[number];
/**
 * The lists the quarantine page offers: what waits for an agent, then what was dropped, for audit, and
 * what could not be read as mail at all.
 */
export const reviewedStatuses = ["quarantined", "ignored", "bounce", "discarded", "failed"] as const;
export type ReviewedStatus = (typeof reviewedStatuses)[number];

export type InboundEmail = {
  id: string;
  via: "smtp" | "http";
  receivedAt: string;
  processedAt: string | null;
  fromAddress: string | null;
  fromName: string | null;
  subject: string | null;
  status: InboundEmailStatus;
  /** How it was routed, or why it was held or ignored (`unknown_sender`, `bounced:a@b`, …). */
  outcome: string | null;
  participant: { id: string; name: string; email: string } | null;
  ticketId: string | null;
  sizeBytes: number;
  attempts: number;
  lastError: string | null;
};

export type InboundEmailDetail = InboundEmail & {
  to: string[];
  date: string | null;
  replyText: string;
  /** Sanitized by the server: safe to render as HTML. */
  replyHtml: string;
  fullText: string;
  attachments: { fileName: string | null; contentType: string; size: number }[];
};

export type InboundPage = { items: InboundEmail[]; nextCursor: string | null };

/** Under "admin" so signing out clears them; an action moves an e-mail between lists. */
export const inboundKeys = {
  all: ["admin", "inbound"] as const,
  list: (status: ReviewedStatus) => ["admin", "inbound", "list", status] as const,
  detail: (id: string) => ["admin", "inbound", "detail", id] as const,
  quarantineCount: ["admin", "inbound", "count"] as const,
};

const inboundPath = (id: string) => `/api/admin/inbound/${encodeURIComponent(id)}`;

/** GET /api/admin/inbound/:id/original – the e-mail as received, shown as text (or an .eml download). */
export function originalEmailUrl(id: string, download = false): string {
  return `${inboundPath(id)}/original${download ? "?download=1" : ""}`;
}

// GET /api/admin/inbound?status=&limit=&cursor= – one page, newest first.
export function listInboundEmails(status: ReviewedStatus, cursor: string | null, limit = 25) {
  const params = new URLSearchParams({ status, limit: String(limit) });
  if (cursor) params.set("cursor", cursor);
  return apiRequest<InboundPage>(`/api/admin/inbound?${params}`);
}

// GET /api/admin/inbound/:id – what the sender wrote, the full text, recipients and attachments.
export function getInboundEmail(id: string) {
  return apiRequest<InboundEmailDetail>(inboundPath(id));
}

// POST /api/admin/inbound/:id/attach – a participant's message, on one of their tickets or a new one.
export function attachInboundEmail(
  id: string,
  body: { participantId: string; ticketId?: string | null },
  csrfToken: string,
) {
  return apiRequest<InboundEmail>(`${inboundPath(id)}/attach`, { method: "POST", body, csrfToken });
}

// POST /api/admin/inbound/:id/contact – the sender becomes a new contact of the program, with a ticket.
export function openContactTicket(id: string, body: { programId: string; name: string }, csrfToken: string) {
  return apiRequest<InboundEmail>(`${inboundPath(id)}/contact`, { method: "POST", body, csrfToken });
}

// POST /api/admin/inbound/:id/discard – out of the quarantine; the original stays stored.
export function discardInboundEmail(id: string, csrfToken: string) {
  return apiRequest<InboundEmail>(`${inboundPath(id)}/discard`, { method: "POST", csrfToken });
}
