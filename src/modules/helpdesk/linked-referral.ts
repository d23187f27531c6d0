// The referral a ticket is about (DESIGN: "optional linked referral"): shown at the top of the ticket on
// both sides, and linked or changed by an agent. Only one of the ticket's own participant's referrals
// may be linked; each change is a ticket event. Referrals are read through the referrals module.
import type { Db } from "../../platform/db/client.js";
import { Invalid } from "../../platform/http/errors.js";
import { isParticipantReferral, referralSummariesByIds } from "../referrals/index.js";
import type { TLinkedReferral } from "./helpdesk-schemas.js";
import type { Ticket } from "./schema.js";
import { type Actor, recordTicketEvent, type TicketChanges } from "./ticket-changes.js";

type TicketRef = Pick<Ticket, "organizationId" | "referralId">;

export async function linkedReferral(db: Db, ticket: TicketRef): Promise<TLinkedReferral | null> {
  if (!ticket.referralId) return null;
  const summaries = await referralSummariesByIds(db, ticket, [ticket.referralId]);
  const summary = summaries.get(ticket.referralId);
  return summary
    ? { id: summary.id, companyName: summary.companyName, status: summary.status, reason: summary.reason }
    : null;
}

/** The companies of the referrals among `ids`, for a history that says "linked X" rather than an id. */
export async function referralCompanyNames(db: Db, ticket: TicketRef, ids: (string | null)[]) {
  const summaries = await referralSummariesByIds(db, ticket, ids);
  return (id: string) => summaries.get(id)?.companyName ?? null;
}

/** Links `referralId` (or unlinks with null) after checking it is the participant's; records the event. */
export async function changeLinkedReferral(
  tx: Db,
  ticket: Ticket,
  referralId: string | null,
  actor: Actor,
  now: Date,
): Promise<TicketChanges> {
  if (referralId === ticket.referralId) return {};
  if (referralId && !(await isParticipantReferral(tx, ticket.participantId, referralId))) {
    throw new Invalid({ referralId: ["Escolha uma das indicações deste participante."] });
  }
  await recordTicketEvent(tx, ticket, "referral", ticket.referralId, referralId, actor, now);
  return { referralId };
}
