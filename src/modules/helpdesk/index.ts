export { closeParticipantTickets } from "./close-participant-tickets.js";
export { type EmailMessage, type EmailOutcome, receiveParticipantEmail } from "./email-messages.js";
export { type ParticipantEmail, receiveParticipantEmails } from "./email-messages-batch.js";
export type { Ticket, TicketStatus } from "./schema.js";
export type { HelpdeskDeps } from "./ticket-notices.js";
