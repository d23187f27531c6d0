// The people a page of tickets names (assignees, message and event authors), read from their modules
// in one query each, whatever the page's size.
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { participantsByIds } from "../participants/index.js";
import { staffCardsByIds } from "../staff/index.js";

export type Person = { id: string; name: string };

export type People = {
  of(ticket: { assigneeId: string | null }): Person | null;
  staff(id: string | null): Person | null;
  participant(id: string | null): (Person & { email: string }) | null;
};

/** Staff and participants by id, as `Person`s; an id of another organization reads as nobody. */
export async function peopleOf(
  db: Db,
  scope: OrganizationScope,
  ids: { staff: (string | null)[]; participants?: (string | null)[] },
): Promise<People> {
  const [staff, participants] = await Promise.all([
    staffCardsByIds(db, scope, ids.staff),
    participantsByIds(db, scope, ids.participants ?? []),
  ]);
  const staffPerson = (id: string | null) => {
    const card = id ? staff.get(id) : undefined;
    return card ? { id: card.id, name: card.name } : null;
  };
  return {
    of: (ticket) => staffPerson(ticket.assigneeId),
    staff: staffPerson,
    participant(id) {
      const found = id ? participants.get(id) : undefined;
      return found ? { id: found.id, name: found.name, email: found.email } : null;
    },
  };
}

/** The assignees of a page of tickets. */
export function assigneesOf(db: Db, scope: OrganizationScope, tickets: { assigneeId: string | null }[]) {
  return peopleOf(db, scope, { staff: tickets.map((ticket) => ticket.assigneeId) });
}
