// PATCH /api/admin/tickets/:id – an agent saves the ticket's properties (seed: "altere o status … Não se
// esqueça de clicar em salvar"): status, priority (deadlines follow the new targets), assignee and
// contact reason, and the referral the ticket is about. Each change is an event; the whole save is one
// transaction.
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { Invalid } from "../../platform/http/errors.js";
import { getProgramByIdOrThrow } from "../programs/index.js";
import { isActiveStaffWith } from "../staff/index.js";
import type { TTicketPatch } from "./helpdesk-schemas.js";
import { changeLinkedReferral } from "./linked-referral.js";
import type { Ticket } from "./schema.js";
import { clockAfterPriorityChange } from "./sla.js";
import { getSlaTargets } from "./sla-settings.js";
import {
  type Actor,
  changeStatus,
  lockStaffTicketOrThrow,
  recordTicketEvent,
  saveTicket,
  type TicketChanges,
} from "./ticket-changes.js";

/** Who may hold a ticket: an active agent of the organization with helpdesk access. */
async function throwIfNotAssignable(tx: Db, staff: StaffPrincipal, assigneeId: string) {
  if (!(await isActiveStaffWith(tx, staff, assigneeId, "helpdesk.work")))
    throw new Invalid({ assigneeId: ["Escolha uma pessoa do atendimento desta organização."] });
}

async function throwIfUnknownReason(tx: Db, ticket: Ticket, code: string) {
  const program = await getProgramByIdOrThrow(tx, ticket.programId);
  if (!program.contactReasons.some((reason) => reason.code === code)) {
    throw new Invalid({ contactReason: ["Escolha um dos motivos de contato do programa."] });
  }
}

export async function updateTicket(
  deps: { db: Db },
  staff: StaffPrincipal,
  id: string,
  patch: TTicketPatch,
): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const ticket = await lockStaffTicketOrThrow(tx, staff, id);
    const actor: Actor = { kind: "staff", id: staff.staffUserId };
    const now = new Date();
    let changes: TicketChanges = {};
    const current = () => ({ ...ticket, ...changes }) as Ticket;
    if (patch.priority && patch.priority !== ticket.priority) {
      const targets = await getSlaTargets(tx, ticket.programId);
      changes = { priority: patch.priority, ...clockAfterPriorityChange(ticket, patch.priority, targets) };
      await recordTicketEvent(tx, ticket, "priority", ticket.priority, patch.priority, actor, now);
    }
    if (patch.assigneeId !== undefined && patch.assigneeId !== ticket.assigneeId) {
      if (patch.assigneeId) await throwIfNotAssignable(tx, staff, patch.assigneeId);
      changes = { ...changes, assigneeId: patch.assigneeId };
      await recordTicketEvent(tx, ticket, "assignee", ticket.assigneeId, patch.assigneeId, actor, now);
    }
    if (patch.contactReason && patch.contactReason !== ticket.contactReason) {
      await throwIfUnknownReason(tx, ticket, patch.contactReason);
      changes = { ...changes, contactReason: patch.contactReason };
      await recordTicketEvent(
        tx,
        ticket,
        "contact_reason",
        ticket.contactReason,
        patch.contactReason,
        actor,
        now,
      );
    }
    if (patch.referralId !== undefined)
      changes = { ...changes, ...(await changeLinkedReferral(tx, ticket, patch.referralId, actor, now)) };
    if (patch.status)
      changes = { ...changes, ...(await changeStatus(tx, current(), patch.status, actor, now)) };
    if (Object.keys(changes).length === 0) return;
    await saveTicket(tx, ticket, { ...changes, lastActivityAt: now }, now);
    await recordAudit(tx, {
      organizationId: ticket.organizationId,
      programId: ticket.programId,
      actorKind: "staff",
      actorId: staff.staffUserId,
      action: "ticket.updated",
      subjectType: "ticket",
      subjectId: ticket.id,
      data: { ...patch },
    });
  });
}
