// The decisions an agent takes on a quarantined e-mail: attach it to a participant (it becomes their
// message, on a ticket), or discard it; open-contact-ticket.ts adds a third, for a new contact.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { Conflict, Invalid } from "../../platform/http/errors.js";
import { type HelpdeskDeps, isParticipantTicket, receiveParticipantEmails } from "../helpdesk/index.js";
import { type Participant, participantsByIds } from "../participants/index.js";
import { extractReply } from "./content/extract-reply.js";
import { parseEmail } from "./content/parse-email.js";
import type { TAttachInbound, TInboundEmail } from "./inbound-schemas.js";
import { getSummaryOrThrow, notFound } from "./review-inbound.js";
import { inboundEmails } from "./schema.js";

export async function lockQuarantined(tx: Db, scope: OrganizationScope, id: string) {
  const [row] = await tx
    .select({ id: inboundEmails.id, status: inboundEmails.status, raw: inboundEmails.raw })
    .from(inboundEmails)
    .where(and(eq(inboundEmails.id, id), eq(inboundEmails.organizationId, scope.organizationId)))
    .for("update");
  if (!row) throw notFound();
  if (row.status !== "quarantined") {
    throw new Conflict("inbound_email_not_quarantined", `This e-mail was already handled (${row.status}).`);
  }
  return row;
}

/** The participant and ticket the agent chose, when they are the agent's organization's and each other's. */
async function attachTargetOrThrow(tx: Db, staff: StaffPrincipal, input: TAttachInbound) {
  const participant = (await participantsByIds(tx, staff, [input.participantId])).get(input.participantId);
  if (!participant) throw new Invalid({ participantId: ["Escolha um participante da sua organização."] });
  if (input.ticketId && !(await isParticipantTicket(tx, participant.id, input.ticketId))) {
    throw new Invalid({ ticketId: ["Escolha um atendimento deste participante."] });
  }
  return participant;
}

/** POST /api/admin/inbound/:id/attach – the agent says whose message it is (a helpdesk batch of one). */
export async function attachInboundEmail(
  deps: HelpdeskDeps,
  staff: StaffPrincipal,
  id: string,
  input: TAttachInbound,
): Promise<TInboundEmail> {
  await inTransaction(deps.db, async (tx) => {
    const row = await lockQuarantined(tx, staff, id);
    const participant = await attachTargetOrThrow(tx, staff, input);
    await postQuarantinedEmail(deps, tx, staff, row, {
      participant,
      ticketId: input.ticketId ?? null,
      outcome: "agent",
    });
  });
  return getSummaryOrThrow(deps.db, staff, id);
}

export type QuarantinedEmail = Awaited<ReturnType<typeof lockQuarantined>>;

/**
 * The quarantined e-mail becomes the participant's message (on `ticketId` while it takes messages,
 * else on a new ticket) and the e-mail records where it went and who decided.
 */
export async function postQuarantinedEmail(
  deps: HelpdeskDeps,
  tx: Db,
  staff: StaffPrincipal,
  row: QuarantinedEmail,
  target: { participant: Participant; ticketId: string | null; outcome: string },
): Promise<void> {
  const { participant } = target;
  const parsed = await parseEmail(row.raw);
  const reply = extractReply(parsed);
  const owner = {
    participantId: participant.id,
    programId: participant.programId,
    organizationId: staff.organizationId,
  };
  const email = {
    subject: parsed.subject,
    text: reply.text || "(sem texto)",
    html: reply.html,
    emailMessageId: parsed.messageId,
    inboundEmailId: row.id,
  };
  const [result] = await receiveParticipantEmails(deps, tx, [
    { owner, answeredTicketId: target.ticketId, email },
  ]);
  await tx
    .update(inboundEmails)
    .set({
      status: result!.kind,
      outcome: target.outcome,
      participantId: participant.id,
      programId: participant.programId,
      ticketId: result!.ticketId,
      ticketMessageId: result!.messageId,
      handledById: staff.staffUserId,
      processedAt: new Date(),
    })
    .where(eq(inboundEmails.id, row.id));
}

/** POST /api/admin/inbound/:id/discard – not for the helpdesk (spam, a stranger); the original stays. */
export async function discardInboundEmail(db: Db, staff: StaffPrincipal, id: string): Promise<TInboundEmail> {
  await inTransaction(db, async (tx) => {
    await lockQuarantined(tx, staff, id);
    await tx
      .update(inboundEmails)
      .set({ status: "discarded", handledById: staff.staffUserId, processedAt: new Date() })
      .where(eq(inboundEmails.id, id));
  });
  return getSummaryOrThrow(db, staff, id);
}
