// The referrer's side of the helpdesk ("Atendimento" in "Minhas Indicações"): their own tickets only,
// public messages only. Someone else's ticket id answers 404, exactly like an id that does not exist.
import { and, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { cursorKeys, decodeCursor, pageOf } from "../../platform/db/keyset.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { ParticipantPrincipal } from "../../platform/http/access.js";
import { Conflict, NotFound } from "../../platform/http/errors.js";
import { getParticipantOrThrow } from "../participants/index.js";
import { getProgramByIdOrThrow } from "../programs/index.js";
import { referralsOfParticipant } from "../referrals/index.js";
import type { TPortalTicketQuery } from "./helpdesk-schemas.js";
import { linkedReferral } from "./linked-referral.js";
import { type TicketStatus, ticketColumns, tickets } from "./schema.js";
import {
  changeStatus,
  changesAfterMessage,
  insertMessage,
  lockParticipantTicketOrThrow,
  saveTicket,
  type TicketChanges,
} from "./ticket-changes.js";
import { type HelpdeskDeps, notifyAgentsOfParticipantMessage } from "./ticket-notices.js";
import { assigneesOf } from "./ticket-people.js";
import { canParticipantReply, portalMessages, ticketHistory, toPortalTicket } from "./ticket-views.js";

const statusesOf: Record<TPortalTicketQuery["state"], TicketStatus[]> = {
  open: ["open", "pending"],
  closed: ["resolved", "closed"],
};

async function participantPerson(db: Db, participant: ParticipantPrincipal) {
  const { id, name } = await getParticipantOrThrow(db, participant, participant.participantId);
  return { id, name };
}

/** Newest conversation first (keyset on last public message, id); with the count of each tab. */
export async function listPortalTickets(
  db: Db,
  participant: ParticipantPrincipal,
  query: TPortalTicketQuery,
) {
  const mine = eq(tickets.participantId, participant.participantId);
  const conditions: SQL[] = [mine, inArray(tickets.status, statusesOf[query.state])];
  if (query.cursor) {
    const after = decodeCursor(query.cursor, cursorKeys.instant);
    conditions.push(
      sql`(${tickets.lastMessageAt}, ${tickets.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const [rows, tabCounts, person] = await Promise.all([
    db
      .select(ticketColumns())
      .from(tickets)
      .where(and(...conditions))
      .orderBy(desc(tickets.lastMessageAt), desc(tickets.id))
      .limit(query.limit + 1),
    db.select({ status: tickets.status, n: count() }).from(tickets).where(mine).groupBy(tickets.status),
    participantPerson(db, participant),
  ]);
  const page = pageOf(rows, query.limit, (ticket) => ({
    key: ticket.lastMessageAt.toISOString(),
    id: ticket.id,
  }));
  const assignees = await assigneesOf(db, participant, page.items);
  const countOf = (state: TPortalTicketQuery["state"]) =>
    tabCounts
      .filter((row) => statusesOf[state].includes(row.status))
      .reduce((sum, row) => sum + Number(row.n), 0);
  return {
    items: page.items.map((ticket) => toPortalTicket(ticket, person, assignees.of(ticket))),
    nextCursor: page.nextCursor,
    counts: { open: countOf("open"), closed: countOf("closed") },
  };
}

export async function getPortalTicket(db: Db, participant: ParticipantPrincipal, id: string) {
  const [ticket] = await db
    .select(ticketColumns())
    .from(tickets)
    .where(and(eq(tickets.id, id), eq(tickets.participantId, participant.participantId)));
  if (!ticket) throw new NotFound("ticket_not_found", "No such ticket.");
  const [person, assignees, messages, events, referral] = await Promise.all([
    participantPerson(db, participant),
    assigneesOf(db, participant, [ticket]),
    portalMessages(db, ticket),
    ticketHistory(db, ticket, true),
    linkedReferral(db, ticket),
  ]);
  return {
    ...toPortalTicket(ticket, person, assignees.of(ticket)),
    referral,
    messages,
    events: events.map(({ actor: _actor, ...event }) => event),
  };
}

/**
 * POST /api/portal/tickets/:id/messages – the referrer comments, only while the ticket is open or
 * pending (seed: "caso o atendimento esteja ainda em aberto"). A comment on a pending ticket reopens it:
 * the participant answered what the team waited for, so the SLA clock runs again.
 */
export async function addParticipantMessage(
  deps: HelpdeskDeps,
  participant: ParticipantPrincipal,
  id: string,
  text: string,
): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const ticket = await lockParticipantTicketOrThrow(tx, participant, id);
    if (!canParticipantReply(ticket)) {
      throw new Conflict(
        "ticket_closed_for_messages",
        `This ticket is ${ticket.status}: open a new one to write to the team again.`,
        undefined,
        { status: ticket.status },
      );
    }
    const now = new Date();
    const message = await insertMessage(
      tx,
      ticket,
      {
        authorKind: "participant",
        authorParticipantId: participant.participantId,
        isInternal: false,
        source: "portal",
        text,
      },
      now,
    );
    let changes: TicketChanges = { ...changesAfterMessage(ticket, message, now), participantReadAt: now };
    if (ticket.status === "pending") {
      const actor = { kind: "participant" as const, id: participant.participantId };
      changes = { ...changes, ...(await changeStatus(tx, { ...ticket, ...changes }, "open", actor, now)) };
    }
    const saved = await saveTicket(tx, ticket, changes, now, text);
    await notifyAgentsOfParticipantMessage(deps, tx, saved, message, false);
  });
}

/** POST /api/portal/tickets/:id/read – the referrer saw the thread: staff replies stop being "new". */
export async function markTicketRead(db: Db, participant: ParticipantPrincipal, id: string): Promise<void> {
  const updated = await db
    .update(tickets)
    .set({ participantReadAt: new Date() })
    .where(and(eq(tickets.id, id), eq(tickets.participantId, participant.participantId)))
    .returning({ id: tickets.id });
  if (updated.length === 0) throw new NotFound("ticket_not_found", "No such ticket.");
}

/** What the "Solicitar atendimento" form offers: the program's contact reasons and the referrer's referrals. */
export async function portalHelpdeskOptions(db: Db, participant: ParticipantPrincipal) {
  const [program, ownReferrals] = await Promise.all([
    getProgramByIdOrThrow(db, participant.programId),
    referralsOfParticipant(db, participant.participantId, 200, "referrer"),
  ]);
  return {
    contactReasons: program.contactReasons,
    referrals: ownReferrals.map(({ id, companyName, status }) => ({ id, companyName, status })),
  };
}
