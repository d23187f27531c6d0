// E-mails a ticket causes, written to the outbox in the use case's transaction (sent by workers):
// an agent's reply to the referrer, bound to the ticket so a reply comes back to it; a referrer's
// message to the assignee, or to the support team while nobody has the ticket.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmail, enqueueEmails, type OutgoingEmail } from "../../platform/mail/outbox.js";
import { type Participant, participantsOfRows } from "../participants/index.js";
import { programNamesByIds } from "../programs/index.js";
import { type StaffContact, staffContacts } from "../staff/index.js";
import { agentReplyEmail, participantMessageEmail } from "./emails/helpdesk-emails.js";
import { type Ticket, type TicketMessage, ticketMessages } from "./schema.js";

export type HelpdeskDeps = Pick<AppContext, "db" | "jobs" | "mail" | "config">;

/** At most this many agents hear of an unassigned ticket (a team, not the whole company). */
const MAX_TEAM_RECIPIENTS = 25;

type Party = { participant: Participant; programName: string };

/** Each ticket's referrer and program name, in two queries for any number of tickets. */
async function partiesOf(tx: Db, tickets: Ticket[]): Promise<Map<string, Party>> {
  const [people, programNames] = await Promise.all([
    participantsOfRows(
      tx,
      tickets.map((ticket) => ticket.participantId),
    ),
    programNamesByIds(
      tx,
      tickets.map((ticket) => ticket.programId),
    ),
  ]);
  const parties = new Map<string, Party>();
  for (const participant of people.values()) {
    parties.set(participant.id, { participant, programName: programNames.get(participant.programId) ?? "" });
  }
  return parties;
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
  const parties = (await partiesOf(tx, [ticket])).get(ticket.participantId);
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

/** A referrer's message on one ticket: the team hears of it (see `notifyAgentsOfParticipantMessages`). */
export async function notifyAgentsOfParticipantMessage(
  deps: HelpdeskDeps,
  tx: Db,
  ticket: Ticket,
  message: TicketMessage,
  isNewTicket: boolean,
): Promise<void> {
  await notifyAgentsOfParticipantMessages(deps, tx, [{ ticket, text: message.bodyText, isNewTicket }]);
}

export type ParticipantMessageNotice = { ticket: Ticket; text: string; isNewTicket: boolean };

/**
 * `notifyAgentsOfParticipantMessage` for many tickets at once (inbound mail's batches): the same
 * recipients and e-mail per ticket, with two lookups and one outbox insert for all of them.
 */
export async function notifyAgentsOfParticipantMessages(
  deps: HelpdeskDeps,
  tx: Db,
  notices: ParticipantMessageNotice[],
): Promise<void> {
  if (notices.length === 0) return;
  const partyOf = await partiesOf(
    tx,
    notices.map((notice) => notice.ticket),
  );
  // The active staff who could hear of these tickets: their assignees and the whole helpdesk team.
  const staff = await staffContacts(tx, {
    organizationIds: notices.map((notice) => notice.ticket.organizationId),
    permission: "helpdesk.work",
    alsoIds: notices.flatMap((notice) => notice.ticket.assigneeId ?? []),
  });
  const emails: OutgoingEmail<Parameters<typeof participantMessageEmail.render>[0]>[] = [];
  for (const { ticket, text, isNewTicket } of notices) {
    const party = partyOf.get(ticket.participantId);
    if (!party) continue;
    for (const agent of chooseAgents(staff, ticket)) {
      emails.push({
        template: participantMessageEmail,
        data: {
          participantName: party.participant.name,
          participantEmail: party.participant.email,
          programName: party.programName,
          ticketNumber: ticket.number,
          subject: ticket.subject,
          message: text,
          isNewTicket,
          ticketUrl: `${deps.config.appUrl}/admin/helpdesk/${ticket.id}`,
        },
        to: agent.email,
        locale: resolveLocale(agent.locale),
        brand: party.programName,
        organizationId: ticket.organizationId,
        programId: ticket.programId,
        ticketId: ticket.id,
      });
    }
  }
  await enqueueEmails(tx, deps, emails);
}

/** Who hears of a referrer's message: the assignee, else the support team, else the administrators. */
function chooseAgents(staff: StaffContact[], ticket: Ticket): StaffContact[] {
  const ours = staff.filter((member) => member.organizationId === ticket.organizationId);
  const assignee = ticket.assigneeId ? ours.filter((member) => member.id === ticket.assigneeId) : [];
  if (assignee.length > 0) return assignee;
  for (const roles of [["support"], ["owner", "admin"]]) {
    const team = ours.filter((member) => roles.includes(member.role)).slice(0, MAX_TEAM_RECIPIENTS);
    if (team.length > 0) return team;
  }
  return [];
}
