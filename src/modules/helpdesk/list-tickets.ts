// GET /api/admin/tickets – the agents' list: the organization's tickets (never another's), filtered on
// every column the seed lists, searched in Portuguese, sorted and paged by keyset on (sort key, id).
// Each sort is backed by an (organization, …, key, id) index; see schema.ts.
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { decodeCursor, pageOf } from "../../platform/db/keyset.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { participants } from "../participants/index.js";
import { getOrganizationProgramOrThrow } from "../programs/index.js";
import { staffUsers } from "../staff/index.js";
import type { TAdminTicketQuery } from "./helpdesk-schemas.js";
import { type Ticket, tickets } from "./schema.js";
import { matchesSearch, searchWords, ticketNumberIn } from "./search.js";
import { toAdminTicket } from "./ticket-views.js";

type Direction = "asc" | "desc";

/** The WHERE of the list: the organization first, then each filter given. */
export async function ticketFilter(db: Db, staff: StaffPrincipal, query: TAdminTicketQuery): Promise<SQL> {
  const conditions: (SQL | undefined)[] = [eq(tickets.organizationId, staff.organizationId)];
  if (query.programId) {
    await getOrganizationProgramOrThrow(db, staff, query.programId);
    conditions.push(eq(tickets.programId, query.programId));
  }
  if (query.status) {
    conditions.push(
      query.status.length === 1
        ? eq(tickets.status, query.status[0]!)
        : inArray(tickets.status, query.status),
    );
  }
  if (query.situation) conditions.push(eq(tickets.situation, query.situation));
  if (query.priority) conditions.push(eq(tickets.priority, query.priority));
  if (query.contactReason) conditions.push(eq(tickets.contactReason, query.contactReason));
  if (query.channel) conditions.push(eq(tickets.channel, query.channel));
  if (query.participantId) conditions.push(eq(tickets.participantId, query.participantId));
  if (query.assigneeId === "none") conditions.push(isNull(tickets.assigneeId));
  else if (query.assigneeId === "me") conditions.push(eq(tickets.assigneeId, staff.staffUserId));
  else if (query.assigneeId) conditions.push(eq(tickets.assigneeId, query.assigneeId));
  if (query.overdue !== undefined) conditions.push(query.overdue ? isOverdue() : sql`not ${isOverdue()}`);
  if (query.q) conditions.push(textMatch(query.q));
  return and(...conditions)!;
}

/** Late on its next deadline; a paused clock is judged at the moment it stopped. */
export function isOverdue(): SQL {
  return sql`(${tickets.status} in ('open', 'pending') and ${tickets.slaDueAt} < coalesce(${tickets.slaPausedSince}, now()))`;
}

function textMatch(q: string): SQL {
  const words = searchWords(q);
  const number = ticketNumberIn(q);
  const byText = words.length > 0 ? matchesSearch(sql`${tickets.searchVector}`, words) : sql`false`;
  return number === null ? byText : or(eq(tickets.number, number), byText)!;
}

/** Sort key of a row, as written in the cursor. */
function sortKey(ticket: Ticket, sort: TAdminTicketQuery["sort"]): string | null {
  switch (sort) {
    case "createdAt":
      return ticket.createdAt.toISOString();
    case "dueAt":
      return ticket.slaDueAt?.toISOString() ?? null;
    case "priority":
      return `${ticket.priority}|${ticket.lastActivityAt.toISOString()}`;
    default:
      return ticket.lastActivityAt.toISOString();
  }
}

function orderBy(sort: TAdminTicketQuery["sort"], order: Direction): SQL[] {
  const by = order === "desc" ? desc : asc;
  switch (sort) {
    case "createdAt":
      return [by(tickets.createdAt), by(tickets.id)];
    case "dueAt":
      // Tickets without a deadline (resolved, closed) come last in either direction.
      return [sql`${tickets.slaDueAt} ${sql.raw(order)} nulls last`, by(tickets.id)];
    case "priority":
      return [by(tickets.priority), by(tickets.lastActivityAt), by(tickets.id)];
    default:
      return [by(tickets.lastActivityAt), by(tickets.id)];
  }
}

/** Rows after the cursor's position in the chosen order. */
function afterCursor(cursor: string, sort: TAdminTicketQuery["sort"], order: Direction): SQL {
  const after = decodeCursor(cursor);
  const cmp = sql.raw(order === "desc" ? "<" : ">");
  const id = sql`${after.id}::uuid`;
  const key = typeof after.key === "string" ? after.key : null;
  switch (sort) {
    case "createdAt":
      return sql`(${tickets.createdAt}, ${tickets.id}) ${cmp} (${key}::timestamptz, ${id})`;
    case "dueAt":
      return key === null
        ? sql`(${tickets.slaDueAt} is null and ${tickets.id} ${cmp} ${id})`
        : sql`((${tickets.slaDueAt}, ${tickets.id}) ${cmp} (${key}::timestamptz, ${id}) or ${tickets.slaDueAt} is null)`;
    case "priority": {
      const [priority, at] = (key ?? "").split("|");
      return sql`(${tickets.priority}, ${tickets.lastActivityAt}, ${tickets.id}) ${cmp} (${priority ?? "normal"}::ticket_priority, ${at ?? null}::timestamptz, ${id})`;
    }
    default:
      return sql`(${tickets.lastActivityAt}, ${tickets.id}) ${cmp} (${key}::timestamptz, ${id})`;
  }
}

export async function listAdminTickets(db: Db, staff: StaffPrincipal, query: TAdminTicketQuery) {
  const conditions = [await ticketFilter(db, staff, query)];
  if (query.cursor) conditions.push(afterCursor(query.cursor, query.sort, query.order));
  const rows = await db
    .select({
      ticket: tickets,
      participant: { id: participants.id, name: participants.name, email: participants.email },
      assigneeName: staffUsers.name,
    })
    .from(tickets)
    .innerJoin(participants, eq(participants.id, tickets.participantId))
    .leftJoin(staffUsers, eq(staffUsers.id, tickets.assigneeId))
    .where(and(...conditions))
    .orderBy(...orderBy(query.sort, query.order))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => ({
    key: sortKey(row.ticket, query.sort),
    id: row.ticket.id,
  }));
  const now = new Date();
  return {
    items: page.items.map(({ ticket, participant, assigneeName }) =>
      toAdminTicket(
        ticket,
        participant,
        ticket.assigneeId ? { id: ticket.assigneeId, name: assigneeName ?? "" } : null,
        now,
      ),
    ),
    nextCursor: page.nextCursor,
  };
}
