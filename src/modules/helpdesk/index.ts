// The helpdesk module: referrers' tickets, their messages, the agents' workspace and settings.
export { closeParticipantTickets } from "./close-participant-tickets.js";
export { type ParticipantEmail, receiveParticipantEmails } from "./email-messages.js";
export type { Ticket, TicketStatus } from "./schema.js";
export type { HelpdeskDeps } from "./ticket-notices.js";
export { isParticipantTicket } from "./ticket-views.js";
