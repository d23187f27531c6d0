// GET /api/admin/tickets/:id – everything an agent needs on one screen: the thread with internal notes,
// the history, the SLA, and a participant card with their referrals' statuses and other tickets.
import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { NotFound } from "../../platform/http/errors.js";
import { participants } from "../participants/index.js";
import { referrals } from "../referrals/index.js";
import { staffUsers } from "../staff/index.js";
import type { TAdminTicketDetail } from "./helpdesk-schemas.js";
import { type Ticket, ticketColumns, tickets } from "./schema.js";
import { adminMessages, ticketHistory, toAdminTicket } from "./ticket-views.js";

const CARD_REFERRALS = 20;
const CARD_TICKETS = 10;

async function participantCard(db: Db, ticket: Ticket) {
  const [[participant], ownReferrals, otherTickets] = await Promise.all([
    db.select().from(participants).where(eq(participants.id, ticket.participantId)),
    db
      .select({
        id: referrals.id,
        companyName: referrals.companyName,
        status: referrals.status,
        reason: referrals.reason,
        createdAt: referrals.createdAt,
      })
      .from(referrals)
      .where(eq(referrals.participantId, ticket.participantId))
      .orderBy(desc(referrals.createdAt), desc(referrals.id))
      .limit(CARD_REFERRALS),
    db
      .select({ id: tickets.id, number: tickets.number, subject: tickets.subject, status: tickets.status })
      .from(tickets)
      .where(and(eq(tickets.participantId, ticket.participantId), ne(tickets.id, ticket.id)))
      .orderBy(desc(tickets.lastMessageAt), desc(tickets.id))
      .limit(CARD_TICKETS),
  ]);
  if (!participant) throw new NotFound("participant_not_found", "Participant not found.");
  return {
    id: participant.id,
    name: participant.name,
    email: participant.email,
    phone: participant.phone,
    status: participant.status,
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
  const [row] = await db
    .select({ ticket: ticketColumns(), assigneeName: staffUsers.name })
    .from(tickets)
    .leftJoin(staffUsers, eq(staffUsers.id, tickets.assigneeId))
    .where(and(eq(tickets.id, id), eq(tickets.organizationId, scope.organizationId)));
  if (!row) throw new NotFound("ticket_not_found", "No such ticket.");
  const { ticket } = row;
  const [card, messages, events, previousTicket] = await Promise.all([
    participantCard(db, ticket),
    adminMessages(db, ticket.id),
    ticketHistory(db, ticket.id, false),
    ticket.previousTicketId ? ticketSummary(db, ticket.previousTicketId) : null,
  ]);
  const assignee = ticket.assigneeId ? { id: ticket.assigneeId, name: row.assigneeName ?? "" } : null;
  return {
    ...toAdminTicket(ticket, { id: card.id, name: card.name, email: card.email }, assignee),
    firstResponseAt: ticket.firstResponseAt?.toISOString() ?? null,
    firstResponseDueAt: ticket.firstResponseDueAt.toISOString(),
    resolutionDueAt: ticket.resolutionDueAt.toISOString(),
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    closedAt: ticket.closedAt?.toISOString() ?? null,
    previousTicket,
    messages,
    events,
    participantCard: card,
  };
}
