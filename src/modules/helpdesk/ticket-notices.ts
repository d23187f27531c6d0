// E-mails a ticket causes, written to the outbox in the use case's transaction (sent by workers):
// an agent's reply to the referrer, bound to the ticket so a reply comes back to it; a referrer's
// message to the assignee, or to the support team while nobody has the ticket.
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmail } from "../../platform/mail/outbox.js";
import { participants } from "../participants/index.js";
import { programs } from "../programs/index.js";
import { staffUsers } from "../staff/index.js";
import { agentReplyEmail, participantMessageEmail } from "./emails/helpdesk-emails.js";
import { type Ticket, type TicketMessage, ticketMessages } from "./schema.js";

export type HelpdeskDeps = Pick<AppContext, "db" | "jobs" | "mail" | "config">;

/** At most this many agents hear of an unassigned ticket (a team, not the whole company). */
const MAX_TEAM_RECIPIENTS = 25;

async function ticketParties(tx: Db, ticket: Ticket) {
  const [row] = await tx
    .select({ participant: participants, programName: programs.name })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .where(eq(participants.id, ticket.participantId));
  return row ?? null;
}

/**
 * E-mails an agent's public reply to the referrer and records the e-mail's Message-ID on the message:
 * the thread's earlier Message-IDs go in In-Reply-To/References (RFC 5322 §3.6.4), so mail clients
 * thread the conversation and inbound mail can route an answer by them. A referrer who left the
 * program gets no e-mail; the reply stays in the ticket.
 */
export async function emailReplyToParticipant(
  deps: HelpdeskDeps,
  tx: Db,
  ticket: Ticket,
  message: TicketMessage,
  agentName: string,
): Promise<void> {
  const parties = await ticketParties(tx, ticket);
  if (!parties) return;
  if (parties.participant.status !== "active") return;
  const { participant, programName } = parties;
  const earlier = await tx
    .select({ emailMessageId: ticketMessages.emailMessageId })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticket.id), isNotNull(ticketMessages.emailMessageId)))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const references = earlier.map((row) => row.emailMessageId!).slice(-20);
  const sent = await enqueueEmail(tx, deps, {
    template: agentReplyEmail,
    data: {
      participantName: participant.name,
      programName,
      ticketNumber: ticket.number,
      subject: ticket.subject,
      agentName,
      message: message.bodyText,
      ticketUrl: `${deps.config.appUrl}/portal/helpdesk/${ticket.id}`,
    },
    to: participant.email,
    locale: resolveLocale(participant.locale),
    brand: programName,
    organizationId: ticket.organizationId,
    programId: ticket.programId,
    participantId: participant.id,
    ticketId: ticket.id,
    headers:
      references.length > 0 ? { "In-Reply-To": references.at(-1)!, References: references.join(" ") } : {},
  });
  if (!sent) return;
  await tx
    .update(ticketMessages)
    .set({ emailMessageId: sent.messageId, outboxId: sent.outboxId })
    .where(eq(ticketMessages.id, message.id));
}

/** Who hears of a referrer's message: the assignee, else the support team, else the administrators. */
async function agentsToNotify(tx: Db, ticket: Ticket) {
  const columns = { email: staffUsers.email, locale: staffUsers.locale };
  const active = and(eq(staffUsers.organizationId, ticket.organizationId), isNull(staffUsers.disabledAt));
  if (ticket.assigneeId) {
    const assignee = await tx
      .select(columns)
      .from(staffUsers)
      .where(and(active, eq(staffUsers.id, ticket.assigneeId)));
    if (assignee.length > 0) return assignee;
  }
  for (const roles of [["support"], ["owner", "admin"]] as const) {
    const team = await tx
      .select(columns)
      .from(staffUsers)
      .where(and(active, inArray(staffUsers.role, [...roles])))
      .orderBy(asc(staffUsers.email))
      .limit(MAX_TEAM_RECIPIENTS);
    if (team.length > 0) return team;
  }
  return [];
}

export async function notifyAgentsOfParticipantMessage(
  deps: HelpdeskDeps,
  tx: Db,
  ticket: Ticket,
  message: TicketMessage,
  isNewTicket: boolean,
): Promise<void> {
  const parties = await ticketParties(tx, ticket);
  if (!parties) return;
  const { participant, programName } = parties;
  for (const agent of await agentsToNotify(tx, ticket)) {
    await enqueueEmail(tx, deps, {
      template: participantMessageEmail,
      data: {
        participantName: participant.name,
        participantEmail: participant.email,
        programName,
        ticketNumber: ticket.number,
        subject: ticket.subject,
        message: message.bodyText,
        isNewTicket,
        ticketUrl: `${deps.config.appUrl}/admin/helpdesk/${ticket.id}`,
      },
      to: agent.email,
      locale: resolveLocale(agent.locale),
      brand: programName,
      organizationId: ticket.organizationId,
      programId: ticket.programId,
      ticketId: ticket.id,
    });
  }
}
