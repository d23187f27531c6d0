// The helpdesk's codes (DESIGN.md "Helpdesk for referrers"), shared by the server's enums and rules and
// the web app's filters and labels.

export const ticketStatuses = ["open", "pending", "resolved", "closed"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
/** A participant may add a message only while the ticket is one of these. */
export const ticketStatusesOpenToParticipant: readonly TicketStatus[] = ["open", "pending"];

/** Ordered low → urgent: PostgreSQL compares enum values in this order, so sorting by priority works. */
export const ticketPriorities = ["low", "normal", "high", "urgent"] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

/** "Situação": whom the ticket waits on, derived from the last public message. */
export const ticketSituations = ["awaiting_agent", "awaiting_participant"] as const;
export type TicketSituation = (typeof ticketSituations)[number];

export const ticketChannels = ["portal", "email"] as const;
export type TicketChannel = (typeof ticketChannels)[number];
