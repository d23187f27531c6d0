// POST /api/portal/tickets – a referrer opens a ticket from the portal ("Solicitar atendimento"): subject,
// one of the program's contact reasons, the first message and optionally one of their own referrals.
// The support team is told by e-mail in the same transaction. Inbound e-mail opens tickets through the
// same `createTicket`.
import { sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { ParticipantPrincipal } from "../../platform/http/access.js";
import { Invalid } from "../../platform/http/errors.js";
import { withoutBidiControls } from "../../shared/unicode-text.js";
import { getParticipantOrThrow } from "../participants/index.js";
import { getProgramByIdOrThrow } from "../programs/index.js";
import { isParticipantReferral } from "../referrals/index.js";
import type { TOpenTicket } from "./helpdesk-schemas.js";
import { type Ticket, type TicketMessage, ticketColumns, ticketNumberCounters, tickets } from "./schema.js";
import { searchDocument } from "./search.js";
import { startClock } from "./sla.js";
import { getSlaTargets } from "./sla-settings.js";
import { insertMessage, type NewMessage } from "./ticket-changes.js";
import { type HelpdeskDeps, notifyAgentsOfParticipantMessage } from "./ticket-notices.js";

/** The organization's next ticket number; the counter row is locked until the transaction ends. */
export async function nextTicketNumber(tx: Db, organizationId: string): Promise<number> {
  const [counter] = await tx
    .insert(ticketNumberCounters)
    .values({ organizationId, lastNumber: 1 })
    .onConflictDoUpdate({
      target: ticketNumberCounters.organizationId,
      set: { lastNumber: sql`${ticketNumberCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: ticketNumberCounters.lastNumber });
  return counter!.lastNumber;
}

async function throwIfInvalidChoices(tx: Db, participant: ParticipantPrincipal, input: TOpenTicket) {
  const program = await getProgramByIdOrThrow(tx, participant.programId);
  const fields: Record<string, string[]> = {};
  if (!program.contactReasons.some((reason) => reason.code === input.contactReason)) {
    fields.contactReason = ["Escolha um dos motivos de contato do programa."];
  }
  if (input.referralId && !(await isParticipantReferral(tx, participant.participantId, input.referralId))) {
    fields.referralId = ["Escolha uma das suas indicações."];
  }
  if (Object.keys(fields).length > 0) throw new Invalid(fields);
}

export type TicketOwner = { participantId: string; programId: string; organizationId: string };

export type NewTicket = {
  subject: string;
  contactReason: string | null;
  channel: Ticket["channel"];
  referralId?: string | null;
  previousTicketId?: string | null;
  /** The first message, the participant's. */
  message: Omit<NewMessage, "authorKind" | "authorParticipantId" | "isInternal">;
};

/**
 * A new ticket with the participant's first message, inside the caller's transaction: numbered, its SLA
 * clock started, searchable, and the support team told by e-mail. Shared by the portal and inbound mail.
 */
export async function createTicket(
  deps: HelpdeskDeps,
  tx: Db,
  owner: TicketOwner,
  input: NewTicket,
): Promise<{ ticket: Ticket; message: TicketMessage }> {
  const author = await getParticipantOrThrow(tx, owner, owner.participantId);
  const now = new Date();
  const priority = "normal" as const;
  const [ticket] = await tx
    .insert(tickets)
    .values({
      organizationId: owner.organizationId,
      programId: owner.programId,
      participantId: owner.participantId,
      number: await nextTicketNumber(tx, owner.organizationId),
      // Inbound mail's subjects too: stored without bidi controls (ZSubject says why).
      subject: withoutBidiControls(input.subject),
      contactReason: input.contactReason,
      priority,
      status: "open",
      situation: "awaiting_agent",
      channel: input.channel,
      referralId: input.referralId ?? null,
      previousTicketId: input.previousTicketId ?? null,
      createdAt: now,
      updatedAt: now,
      lastMessageAt: now,
      lastActivityAt: now,
      participantReadAt: now,
      ...startClock(now, priority, await getSlaTargets(tx, owner.programId)),
      searchVector: searchDocument(
        [input.subject, author?.name, author?.email, input.message.text].filter(Boolean).join("\n"),
      ),
    })
    .returning(ticketColumns());
  const message = await insertMessage(
    tx,
    ticket!,
    {
      ...input.message,
      authorKind: "participant",
      authorParticipantId: owner.participantId,
      isInternal: false,
    },
    now,
  );
  await notifyAgentsOfParticipantMessage(deps, tx, ticket!, message, true);
  return { ticket: ticket!, message };
}

export async function openTicket(
  deps: HelpdeskDeps,
  participant: ParticipantPrincipal,
  input: TOpenTicket,
  client: { ip?: string; userAgent?: string },
): Promise<Ticket> {
  return inTransaction(deps.db, async (tx) => {
    await throwIfInvalidChoices(tx, participant, input);
    const { ticket } = await createTicket(deps, tx, participant, {
      subject: input.subject,
      contactReason: input.contactReason,
      channel: "portal",
      referralId: input.referralId ?? null,
      message: { source: "portal", text: input.message },
    });
    await recordAudit(tx, {
      organizationId: participant.organizationId,
      programId: participant.programId,
      actorKind: "participant",
      actorId: participant.participantId,
      action: "ticket.opened",
      subjectType: "ticket",
      subjectId: ticket.id,
      ...client,
    });
    return ticket;
  });
}
