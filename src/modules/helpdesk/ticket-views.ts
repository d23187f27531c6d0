// How tickets, messages and events leave the module: the referrer's view (public messages only) and the
// agent's (notes, sources, SLA). Messages and events of a ticket are read in a fixed number of queries.
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client.js";
import { participants } from "../participants/index.js";
import { staffUsers } from "../staff/index.js";
import type { TAdminMessage, TAdminTicket, TPortalMessage, TPortalTicket } from "./helpdesk-schemas.js";
import {
  type Ticket,
  type TicketMessage,
  ticketAttachments,
  ticketEvents,
  ticketMessages,
} from "./schema.js";
import { slaStatus } from "./sla.js";

type Person = { id: string; name: string };

export const canParticipantReply = (ticket: Pick<Ticket, "status">) =>
  ticket.status === "open" || ticket.status === "pending";

export const hasUnreadReply = (ticket: Pick<Ticket, "lastStaffReplyAt" | "participantReadAt">) =>
  ticket.lastStaffReplyAt !== null &&
  (ticket.participantReadAt === null || ticket.lastStaffReplyAt > ticket.participantReadAt);

function ticketCore(ticket: Ticket, assignee: Person | null) {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    situation: ticket.situation,
    priority: ticket.priority,
    contactReason: ticket.contactReason,
    channel: ticket.channel,
    referralId: ticket.referralId,
    assignee,
    createdAt: ticket.createdAt.toISOString(),
    lastMessageAt: ticket.lastMessageAt.toISOString(),
  };
}

export function toPortalTicket(ticket: Ticket, participant: Person, assignee: Person | null): TPortalTicket {
  return {
    ...ticketCore(ticket, assignee),
    participant,
    hasUnread: hasUnreadReply(ticket),
    canReply: canParticipantReply(ticket),
  };
}

export function toSla(ticket: Ticket, now = new Date()) {
  const sla = slaStatus(ticket, now);
  return { ...sla, dueAt: sla.dueAt?.toISOString() ?? null };
}

export function toAdminTicket(
  ticket: Ticket,
  participant: Person & { email: string },
  assignee: Person | null,
  now = new Date(),
): TAdminTicket {
  return {
    ...ticketCore(ticket, assignee),
    programId: ticket.programId,
    participant,
    lastActivityAt: ticket.lastActivityAt.toISOString(),
    sla: toSla(ticket, now),
  };
}

/** A ticket's messages with their authors' names and attachments, oldest first. */
async function loadMessages(db: Db, ticketId: string, includeInternal: boolean) {
  const rows = await db
    .select({ message: ticketMessages, staffName: staffUsers.name, participantName: participants.name })
    .from(ticketMessages)
    .leftJoin(staffUsers, eq(staffUsers.id, ticketMessages.authorStaffId))
    .leftJoin(participants, eq(participants.id, ticketMessages.authorParticipantId))
    .where(
      and(
        eq(ticketMessages.ticketId, ticketId),
        includeInternal ? undefined : eq(ticketMessages.isInternal, false),
      ),
    )
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const ids = rows.map((row) => row.message.id);
  const attachments =
    ids.length === 0
      ? []
      : await db.select().from(ticketAttachments).where(inArray(ticketAttachments.messageId, ids));
  return rows.map((row) => ({
    ...row,
    attachments: attachments
      .filter((a) => a.messageId === row.message.id)
      .map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes })),
  }));
}

function author(message: TicketMessage, staffName: string | null, participantName: string | null) {
  if (message.authorStaffId) return { id: message.authorStaffId, name: staffName ?? "" };
  if (message.authorParticipantId) return { id: message.authorParticipantId, name: participantName ?? "" };
  return null;
}

export async function portalMessages(db: Db, ticket: Ticket): Promise<TPortalMessage[]> {
  const rows = await loadMessages(db, ticket.id, false);
  return rows.map(({ message, staffName, participantName, attachments }) => ({
    id: message.id,
    authorKind: message.authorKind,
    author: author(message, staffName, participantName),
    text: message.bodyText,
    html: message.bodyHtml,
    createdAt: message.createdAt.toISOString(),
    isUnread:
      message.authorKind === "staff" &&
      (ticket.participantReadAt === null || message.createdAt > ticket.participantReadAt),
    attachments,
  }));
}

export async function adminMessages(db: Db, ticketId: string): Promise<TAdminMessage[]> {
  const rows = await loadMessages(db, ticketId, true);
  return rows.map(({ message, staffName, participantName, attachments }) => ({
    id: message.id,
    authorKind: message.authorKind,
    author: author(message, staffName, participantName),
    text: message.bodyText,
    html: message.bodyHtml,
    createdAt: message.createdAt.toISOString(),
    isInternal: message.isInternal,
    source: message.source,
    emailMessageId: message.emailMessageId,
    inboundEmailId: message.inboundEmailId,
    attachments,
  }));
}

/** Assignment events store staff ids; the history shows their names. */
async function assigneeNames(
  db: Db,
  events: { kind: string; fromValue: string | null; toValue: string | null }[],
) {
  const ids = [
    ...new Set(
      events
        .filter((event) => event.kind === "assignee")
        .flatMap((event) => [event.fromValue, event.toValue])
        .filter((id): id is string => id !== null),
    ),
  ];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(inArray(staffUsers.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The ticket's history (assignees by name); the referrer gets status moves only. */
export async function ticketHistory(db: Db, ticketId: string, statusOnly: boolean) {
  const actorStaff = alias(staffUsers, "actor_staff");
  const rows = await db
    .select({ event: ticketEvents, staffName: actorStaff.name, participantName: participants.name })
    .from(ticketEvents)
    .leftJoin(actorStaff, and(eq(ticketEvents.actorKind, "staff"), eq(actorStaff.id, ticketEvents.actorId)))
    .leftJoin(
      participants,
      and(eq(ticketEvents.actorKind, "participant"), eq(participants.id, ticketEvents.actorId)),
    )
    .where(and(eq(ticketEvents.ticketId, ticketId), statusOnly ? eq(ticketEvents.kind, "status") : undefined))
    .orderBy(asc(ticketEvents.id));
  const names = await assigneeNames(
    db,
    rows.map((row) => row.event),
  );
  const value = (kind: string, raw: string | null) =>
    kind === "assignee" && raw ? (names.get(raw) ?? null) : raw;
  return rows.map(({ event, staffName, participantName }) => ({
    id: event.id,
    kind: event.kind,
    from: value(event.kind, event.fromValue),
    to: value(event.kind, event.toValue),
    actor: { kind: event.actorKind, name: staffName ?? participantName ?? null },
    createdAt: event.createdAt.toISOString(),
  }));
}
