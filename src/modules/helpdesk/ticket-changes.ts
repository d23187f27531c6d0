// The building blocks every ticket use case shares: find and lock a ticket within its owner's reach,
// append a message, move the status (with its event and the SLA clock), save. Each use case composes
// them inside its one transaction.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import type { ParticipantPrincipal } from "../../platform/http/access.js";
import { NotFound } from "../../platform/http/errors.js";
import { renderSafeMarkdown } from "../../platform/text/safe-html.js";
import {
  type MessageAuthorKind,
  type Ticket,
  type TicketEventKind,
  type TicketMessage,
  type TicketStatus,
  ticketColumns,
  ticketEvents,
  ticketMessages,
  tickets,
} from "./schema.js";
import { searchDocument } from "./search.js";
import { situationAfterMessage } from "./situation.js";
import { clockAfterStatusChange, nextDueAt } from "./sla.js";

export type Actor = { kind: MessageAuthorKind; id: string | null };
export type TicketChanges = Partial<Omit<Ticket, "id" | "organizationId" | "programId" | "searchVector">>;

const ticketNotFound = () => new NotFound("ticket_not_found", "No such ticket.");

/** A ticket of the staff member's organization, locked until the transaction ends; else 404. */
export async function lockStaffTicketOrThrow(tx: Db, scope: OrganizationScope, id: string): Promise<Ticket> {
  const [ticket] = await tx
    .select(ticketColumns())
    .from(tickets)
    .where(and(eq(tickets.id, id), eq(tickets.organizationId, scope.organizationId)))
    .for("update");
  if (!ticket) throw ticketNotFound();
  return ticket;
}

/** The referrer's own ticket, locked; someone else's ticket is a 404, exactly like a missing one. */
export async function lockParticipantTicketOrThrow(
  tx: Db,
  participant: ParticipantPrincipal,
  id: string,
): Promise<Ticket> {
  const [ticket] = await tx
    .select(ticketColumns())
    .from(tickets)
    .where(and(eq(tickets.id, id), eq(tickets.participantId, participant.participantId)))
    .for("update");
  if (!ticket) throw ticketNotFound();
  return ticket;
}

export type NewMessage = {
  authorKind: MessageAuthorKind;
  authorStaffId?: string | null;
  authorParticipantId?: string | null;
  isInternal: boolean;
  source: TicketMessage["source"];
  text: string;
  /** HTML already sanitized (a received e-mail's); otherwise the text is rendered as safe Markdown. */
  html?: string;
  emailMessageId?: string | null;
  inboundEmailId?: string | null;
};

/** Stores a message: the text as written, and its HTML sanitized on the way in. */
export async function insertMessage(
  tx: Db,
  ticket: Pick<Ticket, "id" | "organizationId">,
  message: NewMessage,
  now: Date,
): Promise<TicketMessage> {
  const [row] = await tx
    .insert(ticketMessages)
    .values({
      ticketId: ticket.id,
      organizationId: ticket.organizationId,
      authorKind: message.authorKind,
      authorStaffId: message.authorStaffId ?? null,
      authorParticipantId: message.authorParticipantId ?? null,
      isInternal: message.isInternal,
      source: message.source,
      bodyText: message.text,
      bodyHtml: message.html ?? renderSafeMarkdown(message.text),
      emailMessageId: message.emailMessageId ?? null,
      inboundEmailId: message.inboundEmailId ?? null,
      createdAt: now,
    })
    .returning();
  return row!;
}

/** What a new message changes on its ticket: situation, activity, unread mark, first response. */
export function changesAfterMessage(
  ticket: Ticket,
  message: Pick<NewMessage, "authorKind" | "isInternal">,
  now: Date,
): TicketChanges {
  const changes: TicketChanges = {
    situation: situationAfterMessage(ticket.situation, message),
    lastActivityAt: now,
  };
  if (message.isInternal) return changes;
  changes.lastMessageAt = now;
  if (message.authorKind === "staff") {
    changes.lastStaffReplyAt = now;
    if (!ticket.firstResponseAt) {
      changes.firstResponseAt = now;
      changes.slaDueAt = nextDueAt({ ...ticket, firstResponseAt: now });
    }
  }
  return changes;
}

/** A status move: its event (append-only) and the fields it changes; nothing when already there. */
export async function changeStatus(
  tx: Db,
  ticket: Ticket,
  to: TicketStatus,
  actor: Actor,
  now: Date,
): Promise<TicketChanges> {
  if (ticket.status === to) return {};
  await recordTicketEvent(tx, ticket, "status", ticket.status, to, actor, now);
  return statusChangeFields(ticket, to, now);
}

/** The fields a status move changes (its event is the caller's to record). */
export function statusChangeFields(ticket: Ticket, to: TicketStatus, now: Date): TicketChanges {
  return {
    status: to,
    ...clockAfterStatusChange(ticket, to, now),
    resolvedAt: to === "resolved" ? now : to === "closed" ? ticket.resolvedAt : null,
    closedAt: to === "closed" ? now : null,
    lastActivityAt: now,
  };
}

export async function recordTicketEvent(
  tx: Db,
  ticket: Pick<Ticket, "id" | "organizationId">,
  kind: TicketEventKind,
  from: string | null,
  to: string | null,
  actor: Actor,
  now: Date,
): Promise<void> {
  await tx.insert(ticketEvents).values({
    ticketId: ticket.id,
    organizationId: ticket.organizationId,
    kind,
    fromValue: from,
    toValue: to,
    actorKind: actor.kind,
    actorId: actor.id,
    createdAt: now,
  });
}

/** Saves the changes; `searchText` (a new message) is appended to the ticket's search document. */
export async function saveTicket(
  tx: Db,
  ticket: Ticket,
  changes: TicketChanges,
  now: Date,
  searchText?: string,
): Promise<Ticket> {
  const [saved] = await tx
    .update(tickets)
    .set({
      ...changes,
      updatedAt: now,
      ...(searchText ? { searchVector: sql`${tickets.searchVector} || ${searchDocument(searchText)}` } : {}),
    })
    .where(eq(tickets.id, ticket.id))
    .returning(ticketColumns());
  return saved!;
}
