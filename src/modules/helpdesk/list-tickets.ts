// GET /api/admin/tickets – the agents' list: the organization's tickets (never another's), filtered on
// every column the seed lists, searched in Portuguese, sorted and paged by keyset on (sort key, id).
// Each sort is backed by an (organization, …, key, id) index; see schema.ts.
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import {
  type CursorKey,
  cursorKeys,
  decodeCursor,
  isIsoInstant,
  type KeysetPosition,
  pageOf,
} from "../../platform/db/keyset.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { getOrganizationProgramOrThrow } from "../programs/index.js";
import type { TAdminTicketQuery } from "./helpdesk-schemas.js";
import { type Ticket, ticketColumns, ticketPriorities, tickets } from "./schema.js";
import { matchesSearch, searchWords, ticketNumberIn } from "./search.js";
import { peopleOf } from "./ticket-people.js";
import { toAdminTicket } from "./ticket-views.js";

type Direction = "asc" | "desc";

/** The WHERE of the list: the organization first, then each filter given (the text search aside). */
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
function sortKey(
  ticket: Pick<Ticket, "createdAt" | "lastActivityAt" | "slaDueAt" | "priority">,
  sort: TAdminTicketQuery["sort"],
): string | null {
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

/** What a cursor's key must be for the sort it pages (as `sortKey` writes it). */
function cursorKeyOf(sort: TAdminTicketQuery["sort"]): CursorKey {
  switch (sort) {
    case "dueAt":
      return cursorKeys.instantOrNull;
    case "priority":
      return (key) => {
        if (typeof key !== "string") return false;
        const [priority, at, ...rest] = key.split("|");
        return rest.length === 0 && ticketPriorities.includes(priority as never) && isIsoInstant(at);
      };
    default:
      return cursorKeys.instant;
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

/**
 * Rows past a position in the chosen order (`after`: a cursor's next page), or up to and including it
 * (`upTo`: a search's window). Written as row comparisons so the sort's index can bound the scan.
 */
function relativeTo(
  position: KeysetPosition,
  side: "after" | "upTo",
  sort: TAdminTicketQuery["sort"],
  order: Direction,
): SQL {
  const isAfter = side === "after";
  const cmp = sql.raw(order === "desc" ? (isAfter ? "<" : ">=") : isAfter ? ">" : "<=");
  const id = sql`${position.id}::uuid`;
  const key = typeof position.key === "string" ? position.key : null;
  switch (sort) {
    case "createdAt":
      return sql`(${tickets.createdAt}, ${tickets.id}) ${cmp} (${key}::timestamptz, ${id})`;
    case "dueAt": {
      // Tickets without a deadline sort last in either direction, by id.
      const dueCmp = sql`(${tickets.slaDueAt}, ${tickets.id}) ${cmp} (${key}::timestamptz, ${id})`;
      if (isAfter) {
        return key === null
          ? sql`(${tickets.slaDueAt} is null and ${tickets.id} ${cmp} ${id})`
          : sql`(${dueCmp} or ${tickets.slaDueAt} is null)`;
      }
      return key === null ? sql`(${tickets.slaDueAt} is not null or ${tickets.id} ${cmp} ${id})` : dueCmp;
    }
    case "priority": {
      const [priority, at] = (key ?? "").split("|");
      return sql`(${tickets.priority}, ${tickets.lastActivityAt}, ${tickets.id}) ${cmp} (${priority ?? "normal"}::ticket_priority, ${at ?? null}::timestamptz, ${id})`;
    }
    default:
      return sql`(${tickets.lastActivityAt}, ${tickets.id}) ${cmp} (${key}::timestamptz, ${id})`;
  }
}

async function selectPage(db: Db, where: SQL, query: TAdminTicketQuery) {
  return db
    .select(ticketColumns())
    .from(tickets)
    .where(where)
    .orderBy(...orderBy(query.sort, query.order))
    .limit(query.limit + 1);
}

/** How many of the view's first tickets a search reads in list order before it asks the word index. */
export const searchTuning = { window: 500 };

/**
 * A search page in bounded time whatever the word. First among the view's first `searchTuning.window`
 * tickets,
 * in index order: a common word fills the page within a few rows, and a full page from there is
 * exactly the first page overall. Otherwise (a rarer word) through the word index, with plain index
 * walks switched off for that one query: the planner's guess of a word's frequency can be far off, and
 * a wrong guess would walk the whole list looking for a handful of tickets.
 */
async function searchPage(db: Db, view: SQL, text: SQL, query: TAdminTicketQuery) {
  const [edge] = await db
    .select({
      id: tickets.id,
      createdAt: tickets.createdAt,
      lastActivityAt: tickets.lastActivityAt,
      slaDueAt: tickets.slaDueAt,
      priority: tickets.priority,
    })
    .from(tickets)
    .where(view)
    .orderBy(...orderBy(query.sort, query.order))
    .offset(searchTuning.window - 1)
    .limit(1);
  if (!edge) return selectPage(db, and(view, text)!, query);
  const window = relativeTo({ key: sortKey(edge, query.sort), id: edge.id }, "upTo", query.sort, query.order);
  const rows = await selectPage(db, and(view, window, text)!, query);
  if (rows.length > query.limit) return rows;
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`set local enable_indexscan = off`);
    await tx.execute(sql`set local enable_seqscan = off`);
    return selectPage(tx, and(view, text)!, query);
  });
}

export async function listAdminTickets(db: Db, staff: StaffPrincipal, query: TAdminTicketQuery) {
  const conditions = [await ticketFilter(db, staff, query)];
  if (query.cursor) {
    const after = decodeCursor(query.cursor, cursorKeyOf(query.sort));
    conditions.push(relativeTo(after, "after", query.sort, query.order));
  }
  const view = and(...conditions)!;
  const rows = query.q
    ? await searchPage(db, view, textMatch(query.q), query)
    : await selectPage(db, view, query);
  const page = pageOf(rows, query.limit, (ticket) => ({ key: sortKey(ticket, query.sort), id: ticket.id }));
  // The page's people in one query each (their modules own them), not a join per row.
  const people = await peopleOf(db, staff, {
    staff: page.items.map((ticket) => ticket.assigneeId),
    participants: page.items.map((ticket) => ticket.participantId),
  });
  const now = new Date();
  return {
    items: page.items.map((ticket) =>
      toAdminTicket(
        ticket,
        people.participant(ticket.participantId) ?? { id: ticket.participantId, name: "", email: "" },
        people.of(ticket),
        now,
      ),
    ),
    nextCursor: page.nextCursor,
  };
}
