// Received e-mails as agents review them (issue #7 "Agent view"): the quarantine and the other lists by
// status, one e-mail as kept and as received, and the two decisions on a quarantined one.
import { apiRequest, withQuery } from "../../api/api-client";
import type { ApiBody, ApiResponse, ApiSchema } from "../../api/api-types";

export type InboundEmail = ApiSchema<"InboundEmail">;
export type InboundEmailDetail = ApiSchema<"InboundEmailDetail">;
type InboundPage = ApiResponse<"/api/admin/inbound", "get">;

/**
 * The lists the quarantine page offers: what waits for an agent, then what was dropped, for audit, and
 * what could not be read as mail at all.
 */
export const reviewedStatuses = [
  "quarantined",
  "ignored",
  "bounce",
  "discarded",
  "failed",
] as const satisfies readonly InboundEmail["status"][];
type ReviewedStatus = (typeof reviewedStatuses)[number];

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
  return withQuery(`${inboundPath(id)}/original`, { download: download ? "1" : undefined });
}

// GET /api/admin/inbound?status=&limit=&cursor= – one page, newest first.
export function listInboundEmails(status: ReviewedStatus, cursor: string | null, limit = 25) {
  return apiRequest<InboundPage>(withQuery("/api/admin/inbound", { status, limit, cursor }));
}

// GET /api/admin/inbound/:id – what the sender wrote, the full text, recipients and attachments.
export function getInboundEmail(id: string) {
  return apiRequest<InboundEmailDetail>(inboundPath(id));
}

type AttachBody = ApiBody<"/api/admin/inbound/{id}/attach", "post">;

// POST /api/admin/inbound/:id/attach – a participant's message, on one of their tickets or a new one.
export function attachInboundEmail(id: string, body: AttachBody, csrfToken: string) {
  return apiRequest<InboundEmail, AttachBody>(`${inboundPath(id)}/attach`, {
    method: "POST",
    body,
    csrfToken,
  });
}

// POST /api/admin/inbound/:id/discard – out of the quarantine; the original stays stored.
export function discardInboundEmail(id: string, csrfToken: string) {
  return apiRequest<InboundEmail>(`${inboundPath(id)}/discard`, { method: "POST", csrfToken });
}

type ParticipantMatches = ApiResponse<"/api/admin/participants", "get">;
type ParticipantMatch = ParticipantMatches["items"][number];

// GET /api/admin/participants?q= – referrers whose name contains, or whose e-mail starts with, `q`.
export async function findParticipants(q: string, limit = 20): Promise<ParticipantMatch[]> {
  const page = await apiRequest<ParticipantMatches>(withQuery("/api/admin/participants", { q, limit }));
  return page.items;
}

// POST /api/admin/inbound/:id/contact – the sender becomes a new contact of the program, with a ticket.
export function openContactTicket(
  id: string,
  body: ApiBody<"/api/admin/inbound/{id}/contact", "post">,
  csrfToken: string,
) {
  return apiRequest<InboundEmail, typeof body>(`${inboundPath(id)}/contact`, {
    method: "POST",
    body,
    csrfToken,
  });
}
