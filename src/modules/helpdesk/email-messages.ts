// What referrers' e-mails do to the helpdesk once inbound mail has bound them to them (DESIGN "Inbound
// e-mail"): each becomes a message on the ticket it answers while that ticket takes messages (a pending
// ticket reopens: the referrer answered what the team waited for), else a new e-mail ticket, linked to the
// old one when there was one. Inbound mail hands them over in batches (one e-mail is a batch of one),
// inside its transaction: planned in memory, then written with a handful of set-based statements for the
// whole batch (email-messages-writes.ts) instead of a dozen per e-mail.
import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type PlannedMessage, type PlannedTicket, writePlannedTickets } from "./email-messages-writes.js";
import type { TicketOwner } from "./open-ticket.js";
import { helpdeskSettings, type SlaTargets, type Ticket, ticketColumns, tickets } from "./schema.js";
import { defaultSlaTargets, startClock } from "./sla.js";
import { changesAfterMessage, statusChangeFields } from "./ticket-changes.js";
import { type HelpdeskDeps, notifyAgentsOfParticipantMessages } from "./ticket-notices.js";
import { canParticipantReply } from "./ticket-views.js";

type EmailMessage = {
  subject: string;
  /** What the referrer wrote now (quoted history and signature stripped) and its sanitized HTML. */
  text: string;
  html: string;
  emailMessageId: string | null;
  inboundEmailId: string;
};

type EmailOutcome = { kind: "attached" | "ticket_opened"; ticketId: string; messageId: string };

/** Longest subject a ticket keeps (the portal form's limit). */
const SUBJECT_MAX = 150;

/**
 * "Re: RES: Fwd: [#12] Pedido" → "Pedido": reply and forward prefixes of the common clients (English and
 * Portuguese) and our own ticket tag are not the subject. Falls back to a neutral one.
 */
function ticketSubjectFromEmail(subject: string, fallback: string): string {
  let rest = subject.replace(/\s+/g, " ").trim();
  const prefix = /^(?:(?:re|res|fw|fwd|enc|tr|aw|wg)(?:\[\d+\])?\s*:|\[#\d+\])\s*/i;
  while (prefix.test(rest)) rest = rest.replace(prefix, "");
  rest = rest.replace(/\s*\[#\d+\]\s*$/, "").trim();
  if (rest.length < 3) return fallback;
  return rest.length > SUBJECT_MAX ? `${rest.slice(0, SUBJECT_MAX - 1)}…` : rest;
}

export type ParticipantEmail = {
  owner: TicketOwner;
  /** The ticket the answered e-mail was about, if any. */
  answeredTicketId: string | null;
  email: EmailMessage;
  /**
   * Inbound mail could not verify that the owner wrote it (or their reply address was used from
   * another address): it never joins an existing ticket; it opens one marked "remetente não
   * verificado", pointing back to the ticket it claims to answer.
   */
  isSenderUnverified?: boolean;
};

/**
 * The e-mails in array order, each seeing what the earlier ones did (a ticket two of them answer takes
 * both). The team hears once per ticket per batch. Outcomes are in the order of `emails`.
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
  { owner, answeredTicketId, email, isSenderUnverified = false }: ParticipantEmail,
  now: Date,
): EmailOutcome {
  const known = answeredTicketId ? plan.get(answeredTicketId) : undefined;
  const answered = known?.ticket.participantId === owner.participantId ? known : undefined;
  if (answered && !isSenderUnverified && canParticipantReply(answered.ticket)) {
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
  const ticket = {
    ...newEmailTicket(owner, email, answered?.ticket ?? null, targets, now),
    senderUnverified: isSenderUnverified,
  };
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
    senderUnverified: false,
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
