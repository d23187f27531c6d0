import type { StaffRole } from "@shared/permissions";
import type { TicketPriority, TicketStatus } from "@shared/ticket-codes";
import { apiRequest } from "../../api/api-client";
import type { AdminTicket, AdminTicketDetail, ContactReason } from "../../api/helpdesk-types";

export type TicketPage = { items: AdminTicket[]; nextCursor: string | null };

// GET /api/admin/tickets – one page; `query` carries the filters and sort as the page's URL has them.
export function listTickets(query: URLSearchParams, cursor: string | null): Promise<TicketPage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", cursor);
  return apiRequest<TicketPage>(`/api/admin/tickets?${params}`);
}

export type TicketCounts = {
  status: Record<TicketStatus, number>;
  mine: number;
  unassigned: number;
  overdue: number;
  awaitingAgent: number;
  /** A count above this means "more than cap". */
  cap: number;
};

// GET /api/admin/tickets/counts – the numbers beside the views.
export function getTicketCounts(programId: string): Promise<TicketCounts> {
  const query = programId ? `?programId=${encodeURIComponent(programId)}` : "";
  return apiRequest<TicketCounts>(`/api/admin/tickets/counts${query}`);
}

export type HelpdeskOptions = {
  programs: { id: string; name: string; contactReasons: ContactReason[] }[];
  agents: { id: string; name: string; role: StaffRole }[];
};

// GET /api/admin/helpdesk/options – programs with their contact reasons, and the assignable agents.
export function getHelpdeskOptions(): Promise<HelpdeskOptions> {
  return apiRequest<HelpdeskOptions>("/api/admin/helpdesk/options");
}

const ticketPath = (id: string) => `/api/admin/tickets/${encodeURIComponent(id)}`;

// GET /api/admin/tickets/:id – the thread with notes, the history, the SLA and the participant card.
export function getTicket(id: string): Promise<AdminTicketDetail> {
  return apiRequest<AdminTicketDetail>(ticketPath(id));
}

// POST /api/admin/tickets/:id/replies – a public reply (portal and e-mail), optionally with a new status.
export function replyToTicket(
  id: string,
  body: { message: string; status?: TicketStatus },
  csrfToken: string,
) {
  return apiRequest<AdminTicketDetail>(`${ticketPath(id)}/replies`, { method: "POST", body, csrfToken });
}

// POST /api/admin/tickets/:id/notes – an internal note, staff only.
export function addNote(id: string, message: string, csrfToken: string) {
  return apiRequest<AdminTicketDetail>(`${ticketPath(id)}/notes`, {
    method: "POST",
    body: { message },
    csrfToken,
  });
}

export type TicketPatch = {
  status?: TicketStatus;
  priority?: TicketPriority;
  assigneeId?: string | null;
  contactReason?: string;
};

// PATCH /api/admin/tickets/:id – saves status, priority, assignee or contact reason.
export function updateTicket(id: string, patch: TicketPatch, csrfToken: string) {
  return apiRequest<AdminTicketDetail>(ticketPath(id), { method: "PATCH", body: patch, csrfToken });
}

export type CannedReply = { id: string; programId: string; title: string; body: string; updatedAt: string };

// GET /api/admin/tickets/:id/canned-replies – the program's canned replies, placeholders filled for this ticket.
export async function getTicketCannedReplies(id: string) {
  const { items } = await apiRequest<{ items: (CannedReply & { rendered: string })[] }>(
    `${ticketPath(id)}/canned-replies`,
  );
  return items;
}

const cannedPath = "/api/admin/helpdesk/canned-replies";

// GET /api/admin/helpdesk/canned-replies?programId= – a program's canned replies.
export async function listCannedReplies(programId: string) {
  const { items } = await apiRequest<{ items: CannedReply[] }>(
    `${cannedPath}?programId=${encodeURIComponent(programId)}`,
  );
  return items;
}

// POST /api/admin/helpdesk/canned-replies – a new canned reply.
export function createCannedReply(
  body: { programId: string; title: string; body: string },
  csrfToken: string,
) {
  return apiRequest<CannedReply>(cannedPath, { method: "POST", body, csrfToken });
}

// PATCH /api/admin/helpdesk/canned-replies/:id – edits title or text.
export function updateCannedReply(id: string, body: { title?: string; body?: string }, csrfToken: string) {
  return apiRequest<CannedReply>(`${cannedPath}/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body,
    csrfToken,
  });
}

// DELETE /api/admin/helpdesk/canned-replies/:id – removes it.
export function deleteCannedReply(id: string, csrfToken: string) {
  return apiRequest<void>(`${cannedPath}/${encodeURIComponent(id)}`, { method: "DELETE", csrfToken });
}

export type SlaTargets = Record<TicketPriority, { firstResponseMinutes: number; resolutionMinutes: number }>;
export type HelpdeskSettings = {
  programId: string;
  slaTargets: SlaTargets;
  isDefault: boolean;
  updatedAt: string | null;
};

// GET /api/admin/helpdesk/settings?programId= – a program's SLA targets.
export function getHelpdeskSettings(programId: string) {
  return apiRequest<HelpdeskSettings>(
    `/api/admin/helpdesk/settings?programId=${encodeURIComponent(programId)}`,
  );
}

// PUT /api/admin/helpdesk/settings – an admin sets them.
export function saveHelpdeskSettings(programId: string, slaTargets: SlaTargets, csrfToken: string) {
  return apiRequest<HelpdeskSettings>("/api/admin/helpdesk/settings", {
    method: "PUT",
    body: { programId, slaTargets },
    csrfToken,
  });
}
