import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { staffCardsByIds } from "../staff/index.js";
import type { TReplyBody } from "./helpdesk-schemas.js";
import {
  changeStatus,
  changesAfterMessage,
  insertMessage,
  lockStaffTicketOrThrow,
  saveTicket,
} from "./ticket-changes.js";
import { emailReplyToParticipant, type HelpdeskDeps } from "./ticket-notices.js";

async function staffName(tx: Db, staff: StaffPrincipal): Promise<string> {
  return (await staffCardsByIds(tx, staff, [staff.staffUserId])).get(staff.staffUserId)?.name ?? "";
}

// POST /api/admin/tickets/:id/replies
export async function replyToTicket(
  deps: HelpdeskDeps,
  staff: StaffPrincipal,
  id: string,
  reply: TReplyBody,
): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const ticket = await lockStaffTicketOrThrow(tx, staff, id);
    const now = new Date();
    const message = await insertMessage(
      tx,
      ticket,
      {
        authorKind: "staff",
        authorStaffId: staff.staffUserId,
        isInternal: false,
        source: "workspace",
        text: reply.message,
      },
      now,
    );
    let changes = changesAfterMessage(ticket, message, now);
    if (reply.status) {
      const actor = { kind: "staff" as const, id: staff.staffUserId };
      changes = {
        ...changes,
        ...(await changeStatus(tx, { ...ticket, ...changes }, reply.status, actor, now)),
      };
    }
    const saved = await saveTicket(tx, ticket, changes, now, reply.message);
    await emailReplyToParticipant(deps, tx, saved, message, await staffName(tx, staff));
  });
}

// POST /api/admin/tickets/:id/notes
export async function addInternalNote(
  deps: Pick<HelpdeskDeps, "db">,
  staff: StaffPrincipal,
  id: string,
  text: string,
): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const ticket = await lockStaffTicketOrThrow(tx, staff, id);
    const now = new Date();
    const note = await insertMessage(
      tx,
      ticket,
      { authorKind: "staff", authorStaffId: staff.staffUserId, isInternal: true, source: "workspace", text },
      now,
    );
    await saveTicket(tx, ticket, changesAfterMessage(ticket, note, now), now, text);
  });
}
