// The helpdesk for referrers (DESIGN "Helpdesk for referrers"): tickets, their messages and internal
// notes, status/priority/assignee events, canned replies and the per-program SLA settings.

import { getTableColumns, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  type TicketPriority,
  type TicketSituation,
  type TicketStatus,
  ticketChannels,
  ticketPriorities,
  ticketSituations,
  ticketStatuses,
} from "../../shared/ticket-codes.js";
import { participants } from "../participants/schema.js";
import { organizations, programs } from "../programs/schema.js";
import { referrals } from "../referrals/schema.js";
import { staffUsers } from "../staff/schema.js";

export {
  type TicketPriority,
  type TicketSituation,
  type TicketStatus,
  ticketChannels,
  ticketPriorities,
  ticketSituations,
  ticketStatuses,
};
export const ticketStatusEnum = pgEnum("ticket_status", ticketStatuses);

/** Ordered low → urgent: PostgreSQL compares enum values in this order, so sorting by priority works. */
export const ticketPriorityEnum = pgEnum("ticket_priority", ticketPriorities);

/** "Situação": whom the ticket waits on, derived from the last public message. */
export const ticketSituationEnum = pgEnum("ticket_situation", ticketSituations);

export const ticketChannelEnum = pgEnum("ticket_channel", ticketChannels);

export const messageAuthorKinds = ["participant", "staff", "system"] as const;
export type MessageAuthorKind = (typeof messageAuthorKinds)[number];
export const messageAuthorKindEnum = pgEnum("ticket_message_author_kind", messageAuthorKinds);

/** Where a message came from: the referrer portal, the agent workspace, an e-mail, or the product. */
export const messageSources = ["portal", "workspace", "email", "system"] as const;
export const messageSourceEnum = pgEnum("ticket_message_source", messageSources);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const tickets = pgTable(
  "tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    // "#123": unique within the organization, what agents and referrers quote.
    number: integer("number").notNull(),
    subject: text("subject").notNull(),
    // A code of the program's `contactReasons`; null when the channel cannot ask (an e-mail).
    contactReason: text("contact_reason"),
    priority: ticketPriorityEnum("priority").notNull().default("normal"),
    status: ticketStatusEnum("status").notNull().default("open"),
    situation: ticketSituationEnum("situation").notNull().default("awaiting_agent"),
    channel: ticketChannelEnum("channel").notNull(),
    referralId: uuid("referral_id").references(() => referrals.id),
    // A reply by e-mail to a resolved or closed ticket opens a new one that points back to it.
    previousTicketId: uuid("previous_ticket_id").references((): AnyPgColumn => tickets.id),
    // "Remetente não verificado": opened by an e-mail whose sender could not be verified (no DKIM, SPF
    // or DMARC pass for its From), or that used a referrer's reply address from another address.
    // Agents see the mark; nothing the e-mail claims (its thread) put it in an existing ticket.
    senderUnverified: boolean("sender_unverified").notNull().default(false),
    assigneeId: uuid("assignee_id").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // The last public message (what the referrer sees move) and the last change of any kind (agents).
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    // Unread marks for the referrer: staff replies newer than the last time they opened the ticket.
    lastStaffReplyAt: timestamp("last_staff_reply_at", { withTimezone: true }),
    participantReadAt: timestamp("participant_read_at", { withTimezone: true }),
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    // SLA (see sla.ts): deadlines already include the time the clock stood still; `slaDueAt` is the
    // next one that applies (null once resolved or closed), kept for sorting and the overdue filter.
    firstResponseDueAt: timestamp("first_response_due_at", { withTimezone: true }).notNull(),
    resolutionDueAt: timestamp("resolution_due_at", { withTimezone: true }).notNull(),
    slaDueAt: timestamp("sla_due_at", { withTimezone: true }),
    slaPausedSince: timestamp("sla_paused_since", { withTimezone: true }),
    slaPausedSeconds: integer("sla_paused_seconds").notNull().default(0),
    // Subject, participant and every message (notes included), accent-insensitive Portuguese: search.ts.
    searchVector: tsvector("search_vector").notNull(),
  },
  (table) => [
    uniqueIndex("tickets_organization_number_unique").on(table.organizationId, table.number),
    index("tickets_organization_activity_idx").on(table.organizationId, table.lastActivityAt, table.id),
    index("tickets_organization_status_activity_idx").on(
      table.organizationId,
      table.status,
      table.lastActivityAt,
      table.id,
    ),
    index("tickets_organization_assignee_idx").on(
      table.organizationId,
      table.assigneeId,
      table.status,
      table.lastActivityAt,
      table.id,
    ),
    // "Mine" and "unassigned", the views agents live in: one agent's open and pending in index order.
    index("tickets_organization_assignee_active_idx")
      .on(table.organizationId, table.assigneeId, table.lastActivityAt, table.id)
      .where(sql`${table.status} in ('open', 'pending')`),
    index("tickets_organization_created_idx").on(table.organizationId, table.createdAt, table.id),
    // The workspace's default view (open and pending, latest activity first) in index order.
    index("tickets_organization_active_idx")
      .on(table.organizationId, table.lastActivityAt, table.id)
      .where(sql`${table.status} in ('open', 'pending')`),
    // Only tickets still being worked have a deadline: the SLA sort and the overdue view stay small.
    index("tickets_organization_due_idx")
      .on(table.organizationId, table.slaDueAt, table.id)
      .where(sql`${table.status} in ('open', 'pending')`),
    index("tickets_participant_idx").on(table.participantId, table.lastMessageAt, table.id),
    index("tickets_referral_idx").on(table.referralId),
    index("tickets_search_idx").using("gin", table.searchVector),
  ],
);

export const ticketMessages = pgTable(
  "ticket_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    organizationId: uuid("organization_id").notNull(),
    authorKind: messageAuthorKindEnum("author_kind").notNull(),
    authorStaffId: uuid("author_staff_id").references(() => staffUsers.id),
    authorParticipantId: uuid("author_participant_id").references(() => participants.id),
    // An internal note: staff only, never shown to the referrer nor e-mailed.
    isInternal: boolean("is_internal").notNull().default(false),
    source: messageSourceEnum("source").notNull(),
    // As written (shown escaped) and as sanitized HTML (safe-html.ts).
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html").notNull(),
    // The Message-ID of the e-mail that carried this message (sent, or received later by inbound
    // e-mail): replies are threaded and routed by it.
    emailMessageId: text("email_message_id"),
    outboxId: uuid("outbox_id"),
    // The received e-mail this message came from ("view original").
    inboundEmailId: uuid("inbound_email_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("ticket_messages_ticket_idx").on(table.ticketId, table.createdAt, table.id),
    index("ticket_messages_email_message_id_idx").on(table.organizationId, table.emailMessageId),
  ],
);

/**
 * Files on a message. No upload yet: the table gives the API its `attachments` list and the storage
 * key its place, so adding uploads is no schema change to messages.
 */
export const ticketAttachments = pgTable(
  "ticket_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => ticketMessages.id),
    organizationId: uuid("organization_id").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    storageKey: text("storage_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("ticket_attachments_message_idx").on(table.messageId)],
);

export const ticketEventKinds = ["status", "priority", "assignee", "contact_reason", "referral"] as const;
export type TicketEventKind = (typeof ticketEventKinds)[number];

/** Append-only history of a ticket's changes (status moves, priority, assignment). */
export const ticketEvents = pgTable(
  "ticket_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    organizationId: uuid("organization_id").notNull(),
    kind: text("kind", { enum: ticketEventKinds }).notNull(),
    fromValue: text("from_value"),
    toValue: text("to_value"),
    actorKind: messageAuthorKindEnum("actor_kind").notNull(),
    actorId: uuid("actor_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("ticket_events_ticket_idx").on(table.ticketId, table.id)],
);

/** Ready answers per program; `{{participant.firstName}}`-style placeholders are filled per ticket. */
export const cannedReplies = pgTable(
  "canned_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdById: uuid("created_by_id").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("canned_replies_program_idx").on(table.programId, table.title)],
);

export type SlaTarget = { firstResponseMinutes: number; resolutionMinutes: number };
export type SlaTargets = Record<TicketPriority, SlaTarget>;

/** Per-program helpdesk settings; a program without a row uses the defaults (sla.ts). */
export const helpdeskSettings = pgTable("helpdesk_settings", {
  programId: uuid("program_id")
    .primaryKey()
    .references(() => programs.id),
  organizationId: uuid("organization_id").notNull(),
  slaTargets: jsonb("sla_targets").$type<SlaTargets>().notNull(),
  updatedById: uuid("updated_by_id").references(() => staffUsers.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The last ticket number given in an organization: one row, bumped in the ticket's transaction. */
export const ticketNumberCounters = pgTable(
  "ticket_number_counters",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    lastNumber: integer("last_number").notNull(),
  },
  (table) => [primaryKey({ columns: [table.organizationId] })],
);

/**
 * A ticket as use cases read it: every column but the search document, which only the database reads
 * (it grows with the thread and would travel with every list row for nothing).
 */
export type Ticket = Omit<typeof tickets.$inferSelect, "searchVector">;
export function ticketColumns() {
  const { searchVector: _searchVector, ...columns } = getTableColumns(tickets);
  return columns;
}
export type TicketMessage = typeof ticketMessages.$inferSelect;
export type TicketEvent = typeof ticketEvents.$inferSelect;
export type CannedReply = typeof cannedReplies.$inferSelect;
