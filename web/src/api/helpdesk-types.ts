/** Shapes and query keys the helpdesk pages share (DESIGN.md "Helpdesk for referrers"). */
import type { ApiSchema } from "./api-types";

export type PortalTicket = ApiSchema<"PortalTicket">;
export type PortalTicketDetail = ApiSchema<"PortalTicketDetail">;
export type AdminTicket = ApiSchema<"AdminTicket">;
export type AdminTicketDetail = ApiSchema<"AdminTicketDetail">;
export type LinkedReferral = ApiSchema<"LinkedReferral">;
export type AdminMessage = ApiSchema<"AdminMessage">;
export type MessageSource = AdminMessage["source"];
export type ParticipantCard = ApiSchema<"ParticipantCard">;
export type Sla = ApiSchema<"Sla">;

/** TanStack Query keys of the helpdesk; under "admin"/"portal" so signing out clears them too. */
export const helpdeskKeys = {
  /** Every agent list, count and ticket: a reply or a status change moves them all. */
  admin: ["admin", "helpdesk"] as const,
  adminList: (filters: object) => ["admin", "helpdesk", "list", filters] as const,
  adminCounts: (programId: string) => ["admin", "helpdesk", "counts", programId] as const,
  adminTicket: (id: string) => ["admin", "helpdesk", "ticket", id] as const,
  adminOptions: ["admin", "helpdesk-options"] as const,
  cannedReplies: (programId: string) => ["admin", "helpdesk-canned", programId] as const,
  ticketCannedReplies: (ticketId: string) => ["admin", "helpdesk-canned", "ticket", ticketId] as const,
  slaSettings: (programId: string) => ["admin", "helpdesk-settings", programId] as const,
  portal: ["portal", "helpdesk"] as const,
  portalList: (state: string) => ["portal", "helpdesk", "list", state] as const,
  portalTicket: (id: string) => ["portal", "helpdesk", "ticket", id] as const,
  portalOptions: ["portal", "helpdesk-options"] as const,
};
