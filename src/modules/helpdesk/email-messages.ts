// What a referrer's e-mail does to the helpdesk once inbound mail has bound it to them (DESIGN "Inbound
// e-mail"): a message on the ticket it answers while that ticket is open or pending, otherwise a new
// ticket, linked to the old one when there was one. Both run inside the inbound job's transaction.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { createTicket, type TicketOwner } from "./open-ticket.js";
import { type Ticket, ticketColumns, tickets } from "./schema.js";
import {
  changeStatus,
  changesAfterMessage,
  insertMessage,
  saveTicket,
  type TicketChanges,
} from "./ticket-changes.js";
import { type HelpdeskDeps, notifyAgentsOfParticipantMessage } from "./ticket-notices.js";
import { canParticipantReply } from "./ticket-views.js";

export type EmailMessage = {
  subject: string;
  /** What the referrer wrote now (quoted history and signature stripped) and its sanitized HTML. */
  text: string;
  html: string;
  emailMessageId: string | null;
  inboundEmailId: string;
};

export type EmailOutcome = { kind: "attached" | "ticket_opened"; ticketId: string; messageId: string };

/** Longest subject a ticket keeps (the portal form's limit). */
const SUBJECT_MAX = 150;

/**
 * "Re: RES: Fwd: [#12] Pedido" → "Pedido": reply and forward prefixes of the common clients (English and
 * Portuguese) and our own ticket tag are not the subject. Falls back to a neutral one.
 */
export function ticketSubjectFromEmail(subject: string, fallback: string): string {
  let rest = subject.replace(/\s+/g, " ").trim();
  const prefix = /^(?:(?:re|res|fw|fwd|enc|tr|aw|wg)(?:\[\d+\])?\s*:|\[#\d+\])\s*/i;
  while (prefix.test(rest)) rest = rest.replace(prefix, "");
  rest = rest.replace(/\s*\[#\d+\]\s*$/, "").trim();
  if (rest.length < 3) return fallback;
  return rest.length > SUBJECT_MAX ? `${rest.slice(0, SUBJECT_MAX - 1)}…` : rest;
}

async function lockOwnTicket(tx: Db, owner: TicketOwner, ticketId: string): Promise<Ticket | null> {
  const [ticket] = await tx
    .select(ticketColumns())
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.participantId, owner.participantId)))
    .for("update");
  return ticket ?? null;
}

/**
 * The e-mail on the ticket it answers when that ticket still takes messages (a pending ticket reopens:
 * the referrer answered what the team waited for); else a new e-mail ticket pointing back to it.
 */
export async function receiveParticipantEmail(
  deps: HelpdeskDeps,
  tx: Db,
  owner: TicketOwner,
  answeredTicketId: string | null,
  email: EmailMessage,
): Promise<EmailOutcome> {
  const answered = answeredTicketId ? await lockOwnTicket(tx, owner, answeredTicketId) : null;
  const message = {
    source: "email" as const,
    text: email.text,
    html: email.html,
    emailMessageId: email.emailMessageId,
    inboundEmailId: email.inboundEmailId,
  };
  if (answered && canParticipantReply(answered)) {
    const now = new Date();
    const added = await insertMessage(
      tx,
      answered,
      { ...message, authorKind: "participant", authorParticipantId: owner.participantId, isInternal: false },
      now,
    );
    let changes: TicketChanges = changesAfterMessage(answered, added, now);
    if (answered.status === "pending") {
      const actor = { kind: "participant" as const, id: owner.participantId };
      changes = { ...changes, ...(await changeStatus(tx, { ...answered, ...changes }, "open", actor, now)) };
    }
    const saved = await saveTicket(tx, answered, changes, now, email.text);
    await notifyAgentsOfParticipantMessage(deps, tx, saved, added, false);
    return { kind: "attached", ticketId: answered.id, messageId: added.id };
  }
  const { ticket, message: first } = await createTicket(deps, tx, owner, {
    subject: ticketSubjectFromEmail(email.subject, answered?.subject ?? "Mensagem por e-mail"),
    contactReason: null,
    channel: "email",
    referralId: answered?.referralId ?? null,
    previousTicketId: answered?.id ?? null,
    message,
  });
  return { kind: "ticket_opened", ticketId: ticket.id, messageId: first.id };
}
