import { apiRequest } from "../../api/api-client";
import type { ContactReason, PortalTicket, PortalTicketDetail } from "../../api/helpdesk-types";

export type PortalTicketState = "open" | "closed";
export type PortalTicketPage = {
  items: PortalTicket[];
  nextCursor: string | null;
  counts: Record<PortalTicketState, number>;
};

// GET /api/portal/tickets?state= – the referrer's tickets, open (open and pending) or closed.
export function listPortalTickets(
  state: PortalTicketState,
  cursor: string | null,
): Promise<PortalTicketPage> {
  const params = new URLSearchParams({ state });
  if (cursor) params.set("cursor", cursor);
  return apiRequest<PortalTicketPage>(`/api/portal/tickets?${params}`);
}

export type PortalHelpdeskOptions = {
  contactReasons: ContactReason[];
  referrals: { id: string; companyName: string; status: string }[];
};

// GET /api/portal/helpdesk/options – contact reasons and the referrer's referrals, for the form.
export function getPortalHelpdeskOptions(): Promise<PortalHelpdeskOptions> {
  return apiRequest<PortalHelpdeskOptions>("/api/portal/helpdesk/options");
}

export type NewTicket = { subject: string; contactReason: string; message: string; referralId?: string };

// POST /api/portal/tickets – opens a ticket ("Solicitar atendimento").
export function openTicket(ticket: NewTicket, csrfToken: string): Promise<PortalTicketDetail> {
  return apiRequest<PortalTicketDetail>("/api/portal/tickets", { method: "POST", body: ticket, csrfToken });
}

const ticketPath = (id: string) => `/api/portal/tickets/${encodeURIComponent(id)}`;

// GET /api/portal/tickets/:id – the thread (public messages) and status changes.
export function getPortalTicket(id: string): Promise<PortalTicketDetail> {
  return apiRequest<PortalTicketDetail>(ticketPath(id));
}

// POST /api/portal/tickets/:id/messages – a comment, while the ticket is open or pending.
export function addMessage(id: string, message: string, csrfToken: string): Promise<PortalTicketDetail> {
  return apiRequest<PortalTicketDetail>(`${ticketPath(id)}/messages`, {
    method: "POST",
    body: { message },
    csrfToken,
  });
}

// POST /api/portal/tickets/:id/read – the referrer saw the thread.
export function markRead(id: string, csrfToken: string): Promise<void> {
  return apiRequest<void>(`${ticketPath(id)}/read`, { method: "POST", csrfToken });
}
