import { apiRequest, withQuery } from "../../api/api-client";
import type { ApiBody, ApiResponse } from "../../api/api-types";
import type { AdminTicketDetail } from "../../api/helpdesk-types";

export type TicketPage = ApiResponse<"/api/admin/tickets", "get">;

// GET /api/admin/tickets – one page; `query` carries the filters and sort as the page's URL has them.
export function listTickets(query: URLSearchParams, cursor: string | null): Promise<TicketPage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", cursor);
  return apiRequest<TicketPage>(withQuery("/api/admin/tickets", params));
}

export type TicketCounts = ApiResponse<"/api/admin/tickets/counts", "get">;

// GET /api/admin/tickets/counts – the numbers beside the views.
export function getTicketCounts(programId: string): Promise<TicketCounts> {
  return apiRequest<TicketCounts>(withQuery("/api/admin/tickets/counts", { programId }));
}

export type HelpdeskOptions = ApiResponse<"/api/admin/helpdesk/options", "get">;

// GET /api/admin/helpdesk/options – programs with their contact reasons, and the assignable agents.
export function getHelpdeskOptions(): Promise<HelpdeskOptions> {
  return apiRequest<HelpdeskOptions>("/api/admin/helpdesk/options");
}

const ticketPath = (id: string) => `/api/admin/tickets/${encodeURIComponent(id)}`;

// GET /api/admin/tickets/:id – the thread with notes, the history, the SLA and the participant card.
export function getTicket(id: string): Promise<AdminTicketDetail> {
  return apiRequest<AdminTicketDetail>(ticketPath(id));
}

type ReplyBody = ApiBody<"/api/admin/tickets/{id}/replies", "post">;

// POST /api/admin/tickets/:id/replies – a public reply (portal and e-mail), optionally with a new status.
export function replyToTicket(id: string, body: ReplyBody, csrfToken: string) {
  return apiRequest<AdminTicketDetail, ReplyBody>(`${ticketPath(id)}/replies`, {
    method: "POST",
    body,
    csrfToken,
  });
}

// POST /api/admin/tickets/:id/notes – an internal note, staff only.
export function addNote(id: string, message: string, csrfToken: string) {
  return apiRequest<AdminTicketDetail, ApiBody<"/api/admin/tickets/{id}/notes", "post">>(
    `${ticketPath(id)}/notes`,
    { method: "POST", body: { message }, csrfToken },
  );
}

export type TicketPatch = ApiBody<"/api/admin/tickets/{id}", "patch">;

// PATCH /api/admin/tickets/:id – saves status, priority, assignee or contact reason.
export function updateTicket(id: string, patch: TicketPatch, csrfToken: string) {
  return apiRequest<AdminTicketDetail, TicketPatch>(ticketPath(id), {
    method: "PATCH",
    body: patch,
    csrfToken,
  });
}

type TicketCannedReplies = ApiResponse<"/api/admin/tickets/{id}/canned-replies", "get">;

// GET /api/admin/tickets/:id/canned-replies – the program's canned replies, placeholders filled for this ticket.
export async function getTicketCannedReplies(id: string) {
  const { items } = await apiRequest<TicketCannedReplies>(`${ticketPath(id)}/canned-replies`);
  return items;
}

const cannedPath = "/api/admin/helpdesk/canned-replies";
type CannedReplies = ApiResponse<typeof cannedPath, "get">;
export type CannedReply = CannedReplies["items"][number];
type NewCannedReply = ApiBody<typeof cannedPath, "post">;
type CannedReplyPatch = ApiBody<"/api/admin/helpdesk/canned-replies/{id}", "patch">;

// GET /api/admin/helpdesk/canned-replies?programId= – a program's canned replies.
export async function listCannedReplies(programId: string) {
  const { items } = await apiRequest<CannedReplies>(withQuery(cannedPath, { programId }));
  return items;
}

// POST /api/admin/helpdesk/canned-replies – a new canned reply.
export function createCannedReply(body: NewCannedReply, csrfToken: string) {
  return apiRequest<CannedReply, NewCannedReply>(cannedPath, { method: "POST", body, csrfToken });
}

// PATCH /api/admin/helpdesk/canned-replies/:id – edits title or text.
export function updateCannedReply(id: string, body: CannedReplyPatch, csrfToken: string) {
  return apiRequest<CannedReply, CannedReplyPatch>(`${cannedPath}/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body,
    csrfToken,
  });
}

// DELETE /api/admin/helpdesk/canned-replies/:id – removes it.
export function deleteCannedReply(id: string, csrfToken: string) {
  return apiRequest<void>(`${cannedPath}/${encodeURIComponent(id)}`, { method: "DELETE", csrfToken });
}

const settingsPath = "/api/admin/helpdesk/settings";
export type HelpdeskSettings = ApiResponse<typeof settingsPath, "get">;
export type SlaTargets = HelpdeskSettings["slaTargets"];
type SettingsBody = ApiBody<typeof settingsPath, "put">;

// GET /api/admin/helpdesk/settings?programId= – a program's SLA targets.
export function getHelpdeskSettings(programId: string) {
  return apiRequest<HelpdeskSettings>(withQuery(settingsPath, { programId }));
}

// PUT /api/admin/helpdesk/settings – an admin sets them.
export function saveHelpdeskSettings(programId: string, slaTargets: SlaTargets, csrfToken: string) {
  return apiRequest<HelpdeskSettings, SettingsBody>(settingsPath, {
    method: "PUT",
    body: { programId, slaTargets },
    csrfToken,
  });
}
