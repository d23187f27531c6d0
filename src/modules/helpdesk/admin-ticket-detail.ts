// GET /api/admin/tickets/:id – everything an agent needs on one screen: the thread with internal notes,
// the history, the SLA, and a participant card with their referrals' statuses and other tickets.
import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { NotFound } from "../../platform/http/errors.js";
import { getOrganizationParticipantOrThrow } from "../participants/index.js";
import { referralsOfParticipant } from "../referrals/index.js";
import type { TAdminTicketDetail } from "./helpdesk-schemas.js";
import { linkedReferral } from "./linked-referral.js";
import { type Ticket, ticketColumns, tickets } from "./schema.js";
import { assigneesOf } from "./ticket-people.js";
import { adminMessages, ticketHistory, toAdminTicket } from "./ticket-views.js";

const CARD_REFERRALS = 20;
const CARD_TICKETS = 10;

async function participantCard(db: Db, scope: OrganizationScope, ticket: Ticket) {
  const [participant, ownReferrals, otherTickets] = await Promise.all([
    getOrganizationParticipantOrThrow(db, scope, ticket.participantId),
    referralsOfParticipant(db, ticket.participantId, CARD_REFERRALS),
    db
      .select({ id: tickets.id, number: tickets.number, subject: tickets.subject, status: tickets.status })
      .from(tickets)
      .where(and(eq(tickets.participantId, ticket.participantId), ne(tickets.id, ticket.id)))
      .orderBy(desc(tickets.lastMessageAt), desc(tickets.id))
      .limit(CARD_TICKETS),
  ]);
  return {
    id: participant.id,
    name: participant.name,
    email: participant.email,
    phone: participant.phone,
    status: participant.status,
    kind: participant.kind,
    isCustomer: participant.isCustomer,
    createdAt: participant.createdAt.toISOString(),
    referrals: ownReferrals.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    otherTickets,
  };
}

async function ticketSummary(db: Db, id: string) {
  const [row] = await db
    .select({ id: tickets.id, number: tickets.number, subject: tickets.subject, status: tickets.status })
    .from(tickets)
    .where(eq(tickets.id, id));
  return row ?? null;
}

export async function getAdminTicketDetail(
  db: Db,
  scope: OrganizationScope,
  id: string,
): Promise<TAdminTicketDetail> {
  const [ticket] = await db
    .select(ticketColumns())
    .from(tickets)
    .where(and(eq(tickets.id, id), eq(tickets.organizationId, scope.organizationId)));
  if (!ticket) throw new NotFound("ticket_not_found", "No such ticket.");
  const [card, assignees, messages, events, previousTicket, referral] = await Promise.all([
    participantCard(db, scope, ticket),
    assigneesOf(db, scope, [ticket]),
    adminMessages(db, ticket),
    ticketHistory(db, ticket, false),
    ticket.previousTicketId ? ticketSummary(db, ticket.previousTicketId) : null,
    linkedReferral(db, ticket),
  ]);
  return {
    ...toAdminTicket(ticket, { id: card.id, name: card.name, email: card.email }, assignees.of(ticket)),
    firstResponseAt: ticket.firstResponseAt?.toISOString() ?? null,
    firstResponseDueAt: ticket.firstResponseDueAt.toISOString(),
    resolutionDueAt: ticket.resolutionDueAt.toISOString(),
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    closedAt: ticket.closedAt?.toISOString() ?? null,
    previousTicket,
    referral,
    messages,
    events,
    participantCard: card,
  };
}
