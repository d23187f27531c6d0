// Many referrers' e-mails into the helpdesk at once (inbound mail works received messages in batches):
// the outcome of `receiveParticipantEmail` applied to each in the given order, planned in memory and
// written with a handful of set-based statements for the whole batch instead of a dozen per message.
import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type EmailMessage, type EmailOutcome, ticketSubjectFromEmail } from "./email-messages.js";
import {
  type PlannedMessage,
  type PlannedTicket,
  writePlannedTickets,
} from "./email-messages-batch-writes.js";
import type { TicketOwner } from "./open-ticket.js";
import { helpdeskSettings, type SlaTargets, type Ticket, ticketColumns, tickets } from "./schema.js";
import { defaultSlaTargets, startClock } from "./sla.js";
import { changesAfterMessage, statusChangeFields } from "./ticket-changes.js";
import { type HelpdeskDeps, notifyAgentsOfParticipantMessages } from "./ticket-notices.js";
import { canParticipantReply } from "./ticket-views.js";

export type ParticipantEmail = {
  owner: TicketOwner;
  /** The ticket the answered e-mail was about, if any. */
  answeredTicketId: string | null;
  email: EmailMessage;
};

/**
 * Each e-mail becomes a message on the ticket it answers while that ticket takes messages (a pending
 * ticket reopens), else a new e-mail ticket linked to it, exactly as one at a time in array order. The
 * team hears once per ticket per batch. Outcomes are in the order of `emails`.
 */
export async function receiveParticipantEmails(
  deps: HelpdeskDeps,
  tx: Db,
  emails: ParticipantEmail[],
): Promise<EmailOutcome[]> {
  if (emails.length === 0) return [];
  const answeredIds = [...new Set(emails.flatMap((item) => item.answeredTicketId ?? []))].sort();
  const locked =
    answeredIds.length === 0
      ? []
      : // Sorted by id: two batches sharing tickets lock them in the same order and cannot deadlock.
        await tx
          .select(ticketColumns())
          .from(tickets)
          .where(inArray(tickets.id, answeredIds))
          .orderBy(tickets.id)
          .for("update");
  const plan = new Map<string, PlannedTicket>(
    locked.map((ticket) => [ticket.id, { ticket, isNew: false, messages: [], statusEvents: [] }]),
  );
  const targets = await slaTargetsOf(tx, [...new Set(emails.map((item) => item.owner.programId))]);
  const base = Date.now();
  // A millisecond apart: messages of one ticket keep the order they were received in.
  const outcomes = emails.map((item, i) => planOne(plan, targets, item, new Date(base + i)));
  await writePlannedTickets(tx, [...plan.values()]);
  await notifyAgentsOfParticipantMessages(
    deps,
    tx,
    [...plan.values()]
      .filter((planned) => planned.messages.length > 0)
      .map((planned) => ({
        ticket: planned.ticket,
        text: planned.messages.map((message) => message.bodyText).join("\n\n"),
        isNewTicket: planned.isNew,
      })),
  );
  return outcomes;
}

function planOne(
  plan: Map<string, PlannedTicket>,
  targets: Map<string, SlaTargets>,
  { owner, answeredTicketId, email }: ParticipantEmail,
  now: Date,
): EmailOutcome {
  const known = answeredTicketId ? plan.get(answeredTicketId) : undefined;
  const answered = known?.ticket.participantId === owner.participantId ? known : undefined;
  if (answered && canParticipantReply(answered.ticket)) {
    const message = plannedMessage(answered.ticket, owner, email, now);
    let changes = changesAfterMessage(answered.ticket, { authorKind: "participant", isInternal: false }, now);
    if (answered.ticket.status === "pending") {
      answered.statusEvents.push({
        from: "pending",
        to: "open",
        at: now,
        participantId: owner.participantId,
      });
      changes = { ...changes, ...statusChangeFields({ ...answered.ticket, ...changes }, "open", now) };
    }
    answered.ticket = { ...answered.ticket, ...changes, updatedAt: now };
    answered.messages.push(message);
    return { kind: "attached", ticketId: answered.ticket.id, messageId: message.id };
  }
  const ticket = newEmailTicket(owner, email, answered?.ticket ?? null, targets, now);
  const message = plannedMessage(ticket, owner, email, now);
  plan.set(ticket.id, { ticket, isNew: true, messages: [message], statusEvents: [] });
  return { kind: "ticket_opened", ticketId: ticket.id, messageId: message.id };
}

function plannedMessage(ticket: Ticket, owner: TicketOwner, email: EmailMessage, now: Date): PlannedMessage {
  return {
    id: randomUUID(),
    ticketId: ticket.id,
    organizationId: ticket.organizationId,
    authorParticipantId: owner.participantId,
    bodyText: email.text,
    bodyHtml: email.html,
    emailMessageId: email.emailMessageId,
    inboundEmailId: email.inboundEmailId,
    createdAt: now,
  };
}

/** As `createTicket` opens it for an e-mail (its number is given when the batch is written). */
function newEmailTicket(
  owner: TicketOwner,
  email: EmailMessage,
  answered: Ticket | null,
  targets: Map<string, SlaTargets>,
  now: Date,
): Ticket {
  const priority = "normal" as const;
  return {
    id: randomUUID(),
    organizationId: owner.organizationId,
    programId: owner.programId,
    participantId: owner.participantId,
    number: 0,
    subject: ticketSubjectFromEmail(email.subject, answered?.subject ?? "Mensagem por e-mail"),
    contactReason: null,
    priority,
    status: "open",
    situation: "awaiting_agent",
    channel: "email",
    referralId: answered?.referralId ?? null,
    previousTicketId: answered?.id ?? null,
    assigneeId: null,
    createdAt: now,
    updatedAt: now,
    lastMessageAt: now,
    lastActivityAt: now,
    lastStaffReplyAt: null,
    participantReadAt: now,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    ...startClock(now, priority, targets.get(owner.programId) ?? defaultSlaTargets),
  };
}

async function slaTargetsOf(tx: Db, programIds: string[]): Promise<Map<string, SlaTargets>> {
  const rows = await tx
    .select({ programId: helpdeskSettings.programId, slaTargets: helpdeskSettings.slaTargets })
    .from(helpdeskSettings)
    .where(inArray(helpdeskSettings.programId, programIds));
  return new Map(rows.map((row) => [row.programId, row.slaTargets]));
}
