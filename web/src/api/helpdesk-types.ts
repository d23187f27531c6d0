/** Shapes and query keys the helpdesk pages share (DESIGN.md "Helpdesk for referrers"). */
import type { TicketChannel, TicketPriority, TicketSituation, TicketStatus } from "@shared/ticket-codes";
import type { LocalizedText } from "./reward-types";

export type MessageAuthorKind = "participant" | "staff" | "system";

export type Person = { id: string; name: string };
export type ContactReason = { code: string; label: LocalizedText };

export type Attachment = { id: string; fileName: string; contentType: string; sizeBytes: number };

export type TicketMessage = {
  id: string;
  authorKind: MessageAuthorKind;
  author: Person | null;
  text: string;
  /** Sanitized by the server when the message was written: safe to render as HTML. */
  html: string;
  createdAt: string;
  attachments: Attachment[];
};

type TicketCore = {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  situation: TicketSituation;
  priority: TicketPriority;
  contactReason: string | null;
  channel: TicketChannel;
  referralId: string | null;
  assignee: Person | null;
  createdAt: string;
  lastMessageAt: string;
};

export type TicketEvent = {
  id: number;
  kind: "status" | "priority" | "assignee" | "contact_reason";
  from: string | null;
  to: string | null;
  createdAt: string;
};

export type Sla = {
  state: "running" | "paused" | "met" | "stopped";
  dueAt: string | null;
  /** Negative once late. */
  secondsLeft: number | null;
  isOverdue: boolean;
  firstResponseBreached: boolean;
};

export type PortalTicket = TicketCore & { participant: Person; hasUnread: boolean; canReply: boolean };
export type PortalTicketDetail = PortalTicket & {
  messages: (TicketMessage & { isUnread: boolean })[];
  events: TicketEvent[];
};

export type AdminTicket = TicketCore & {
  programId: string;
  participant: Person & { email: string };
  lastActivityAt: string;
  sla: Sla;
  /** "Remetente não verificado": opened by an e-mail whose sender could not be verified. */
  senderUnverified: boolean;
};

export const messageSources = ["portal", "workspace", "email", "system"] as const;
export type MessageSource = (typeof messageSources)[number];

export type AdminMessage = TicketMessage & {
  isInternal: boolean;
  source: MessageSource;
  emailMessageId: string | null;
  /** The received e-mail it came from ("view original"). */
  inboundEmailId: string | null;
};

export type ParticipantCard = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  status: "active" | "left";
  /** A contact wrote to the helpdesk without being a referrer. */
  kind: "referrer" | "contact";
  isCustomer: boolean;
  createdAt: string;
  referrals: { id: string; companyName: string; status: string; reason: string | null; createdAt: string }[];
  otherTickets: { id: string; number: number; subject: string; status: TicketStatus }[];
};

export type AdminTicketDetail = AdminTicket & {
  /** The resolved or closed ticket this one follows (a later e-mail reply to it). */
  previousTicket: { id: string; number: number; subject: string; status: TicketStatus } | null;
  firstResponseAt: string | null;
  firstResponseDueAt: string;
  resolutionDueAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  messages: AdminMessage[];
  events: (TicketEvent & { actor: { kind: MessageAuthorKind; name: string | null } })[];
  participantCard: ParticipantCard;
};

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
