import { apiRequest, withQuery } from "../../api/api-client";
import type { ApiBody, ApiQuery, ApiResponse } from "../../api/api-types";
import type { PortalTicketDetail } from "../../api/helpdesk-types";

const ticketsPath = "/api/portal/tickets";
/** The portal's two tabs: open (open and pending) or closed (resolved and closed). */
type PortalTicketState = NonNullable<ApiQuery<typeof ticketsPath, "get">["state"]>;
export type PortalTicketPage = ApiResponse<typeof ticketsPath, "get">;

// GET /api/portal/tickets?state= – the referrer's tickets, open (open and pending) or closed.
export function listPortalTickets(
  state: PortalTicketState,
  cursor: string | null,
): Promise<PortalTicketPage> {
  return apiRequest<PortalTicketPage>(withQuery(ticketsPath, { state, cursor }));
}

type PortalHelpdeskOptions = ApiResponse<"/api/portal/helpdesk/options", "get">;

// GET /api/portal/helpdesk/options – contact reasons and the referrer's referrals, for the form.
export function getPortalHelpdeskOptions(): Promise<PortalHelpdeskOptions> {
  return apiRequest<PortalHelpdeskOptions>("/api/portal/helpdesk/options");
}

export type NewTicket = ApiBody<typeof ticketsPath, "post">;

// POST /api/portal/tickets – opens a ticket ("Solicitar atendimento").
export function openTicket(ticket: NewTicket, csrfToken: string): Promise<PortalTicketDetail> {
  return apiRequest<PortalTicketDetail, NewTicket>(ticketsPath, { method: "POST", body: ticket, csrfToken });
}

const ticketPath = (id: string) => `/api/portal/tickets/${encodeURIComponent(id)}`;

// GET /api/portal/tickets/:id – the thread (public messages) and status changes.
export function getPortalTicket(id: string): Promise<PortalTicketDetail> {
  return apiRequest<PortalTicketDetail>(ticketPath(id));
}

// POST /api/portal/tickets/:id/messages – a comment, while the ticket is open or pending.
export function addMessage(id: string, message: string, csrfToken: string): Promise<PortalTicketDetail> {
  return apiRequest<PortalTicketDetail, ApiBody<"/api/portal/tickets/{id}/messages", "post">>(
    `${ticketPath(id)}/messages`,
    { method: "POST", body: { message }, csrfToken },
  );
}

// POST /api/portal/tickets/:id/read – the referrer saw the thread.
export function markRead(id: string, csrfToken: string): Promise<void> {
  return apiRequest<void>(`${ticketPath(id)}/read`, { method: "POST", csrfToken });
}
