// How tickets, messages and events leave the module: the referrer's view (public messages only) and the
// agent's (notes, sources, SLA). Messages and events of a ticket are read in a fixed number of queries.

import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { TAdminMessage, TAdminTicket, TPortalMessage, TPortalTicket } from "./helpdesk-schemas.js";
import { referralCompanyNames } from "./linked-referral.js";
import {
  type Ticket,
  type TicketMessage,
  ticketAttachments,
  ticketEvents,
  ticketMessages,
  tickets,
} from "./schema.js";
import { slaStatus } from "./sla.js";
import { type People, type Person, peopleOf } from "./ticket-people.js";

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
    senderUnverified: ticket.senderUnverified,
  };
}

/** A ticket's messages with their authors' names and attachments, oldest first. */
async function loadMessages(db: Db, ticket: Ticket, includeInternal: boolean) {
  const messages = await db
    .select()
    .from(ticketMessages)
    .where(
      and(
        eq(ticketMessages.ticketId, ticket.id),
        includeInternal ? undefined : eq(ticketMessages.isInternal, false),
      ),
    )
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const ids = messages.map((message) => message.id);
  const [attachments, people] = await Promise.all([
    ids.length === 0
      ? []
      : db.select().from(ticketAttachments).where(inArray(ticketAttachments.messageId, ids)),
    peopleOf(db, ticket, {
      staff: messages.map((message) => message.authorStaffId),
      participants: messages.map((message) => message.authorParticipantId),
    }),
  ]);
  return messages.map((message) => ({
    message,
    author: author(message, people),
    attachments: attachments
      .filter((a) => a.messageId === message.id)
      .map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes })),
  }));
}

function author(message: TicketMessage, people: People): Person | null {
  if (message.authorStaffId)
    return people.staff(message.authorStaffId) ?? { id: message.authorStaffId, name: "" };
  if (message.authorParticipantId) {
    const participant = people.participant(message.authorParticipantId);
    return { id: message.authorParticipantId, name: participant?.name ?? "" };
  }
  return null;
}

export async function portalMessages(db: Db, ticket: Ticket): Promise<TPortalMessage[]> {
  const rows = await loadMessages(db, ticket, false);
  return rows.map(({ message, author, attachments }) => ({
    id: message.id,
    authorKind: message.authorKind,
    author,
    text: message.bodyText,
    html: message.bodyHtml,
    createdAt: message.createdAt.toISOString(),
    isUnread:
      message.authorKind === "staff" &&
      (ticket.participantReadAt === null || message.createdAt > ticket.participantReadAt),
    attachments,
  }));
}

export async function adminMessages(db: Db, ticket: Ticket): Promise<TAdminMessage[]> {
  const rows = await loadMessages(db, ticket, true);
  return rows.map(({ message, author, attachments }) => ({
    id: message.id,
    authorKind: message.authorKind,
    author,
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

/** The ticket's history (actors and assignees by name); the referrer gets status moves only. */
export async function ticketHistory(db: Db, ticket: Ticket, statusOnly: boolean) {
  const events = await db
    .select()
    .from(ticketEvents)
    .where(
      and(eq(ticketEvents.ticketId, ticket.id), statusOnly ? eq(ticketEvents.kind, "status") : undefined),
    )
    .orderBy(asc(ticketEvents.id));
  // Assignment events store staff ids; the history shows their names.
  const assigneeIds = events
    .filter((event) => event.kind === "assignee")
    .flatMap((event) => [event.fromValue, event.toValue]);
  const actorIds = (kind: string) => events.filter((e) => e.actorKind === kind).map((e) => e.actorId);
  // Referral events store referral ids; the history shows their companies.
  const referralIds = events
    .filter((event) => event.kind === "referral")
    .flatMap((event) => [event.fromValue, event.toValue]);
  const [people, companyOf] = await Promise.all([
    peopleOf(db, ticket, {
      staff: [...assigneeIds, ...actorIds("staff")],
      participants: actorIds("participant"),
    }),
    referralCompanyNames(db, ticket, referralIds),
  ]);
  const value = (kind: string, raw: string | null) => {
    if (!raw) return raw;
    if (kind === "assignee") return people.staff(raw)?.name ?? null;
    return kind === "referral" ? companyOf(raw) : raw;
  };
  const actorName = (event: (typeof events)[number]) =>
    (event.actorKind === "staff"
      ? people.staff(event.actorId)?.name
      : event.actorKind === "participant"
        ? people.participant(event.actorId)?.name
        : null) ?? null;
  return events.map((event) => ({
    id: event.id,
    kind: event.kind,
    from: value(event.kind, event.fromValue),
    to: value(event.kind, event.toValue),
    actor: { kind: event.actorKind, name: actorName(event) },
    createdAt: event.createdAt.toISOString(),
  }));
}

/** Whether `ticketId` is one of the participant's own tickets. */
export async function isParticipantTicket(db: Db, participantId: string, ticketId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.participantId, participantId)));
  return row !== undefined;
}
