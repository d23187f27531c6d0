import type { RouteModule } from "../../platform/http/route-module.js";
import { agentTicketRoutes } from "./admin-routes.js";
import { portalTicketRoutes } from "./portal-routes.js";
import { helpdeskSettingsRoutes } from "./settings-routes.js";

export { closeParticipantTickets } from "./close-participant-tickets.js";
export { type ParticipantEmail, receiveParticipantEmails } from "./email-messages.js";
export { type Ticket, type TicketStatus, ticketMessages, ticketStatuses, tickets } from "./schema.js";
export type { HelpdeskDeps } from "./ticket-notices.js";

/** The helpdesk's routes: the referrer's portal side, the agents' workspace, canned replies and SLA. */
export const helpdeskRoutes: RouteModule = (app, ctx) => {
  portalTicketRoutes(app, ctx);
  agentTicketRoutes(app, ctx);
  helpdeskSettingsRoutes(app, ctx);
};
