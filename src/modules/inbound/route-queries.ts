// What routing reads from the database, one query per kind of fact for a whole batch (and, rarely, for
// one stranger): the e-mails we sent that a message answers, the messages received earlier on a thread,
// the participants with the senders' addresses, and where a message nobody claims is shown.
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { emailOutbox } from "../../platform/mail/schema.js";
import { participants } from "../participants/index.js";
import { organizations, programs } from "../programs/index.js";
import { inboundEmails } from "./schema.js";

export type BoundParticipant = {
  participantId: string;
  programId: string;
  organizationId: string;
  email: string;
  status: "active" | "left";
};

const participantColumns = {
  participantId: participants.id,
  programId: participants.programId,
  organizationId: participants.organizationId,
  email: participants.email,
  status: participants.status,
};

export type SentEmail = {
  id: string;
  messageId: string;
  organizationId: string | null;
  ticketId: string | null;
  /** The participant, when the e-mail went to their own address (only those route a reply). */
  participant: BoundParticipant | null;
};

/** E-mails we sent, named by their outbox id (reply token) or Message-ID, with their participant. */
export async function sentEmails(db: Db, outboxIds: string[], messageIds: string[]): Promise<SentEmail[]> {
  const named = [
    ...(outboxIds.length > 0 ? [inArray(emailOutbox.id, outboxIds)] : []),
    ...(messageIds.length > 0 ? [inArray(emailOutbox.messageId, messageIds)] : []),
  ];
  if (named.length === 0) return [];
  const rows = await db
    .select({
      id: emailOutbox.id,
      messageId: emailOutbox.messageId,
      organizationId: emailOutbox.organizationId,
      ticketId: emailOutbox.ticketId,
      toAddress: emailOutbox.toAddress,
      participant: participantColumns,
    })
    .from(emailOutbox)
    .leftJoin(participants, eq(participants.id, emailOutbox.participantId))
    .where(or(...named));
  return rows.map(({ toAddress, participant, ...sent }) => ({
    ...sent,
    // A contact notice or a staff notification never lets its reader write into a referrer's tickets.
    participant: participant && toAddress.toLowerCase() === participant.email ? participant : null,
  }));
}

/** Messages received earlier (bound to a participant) whose Message-ID a reply names. */
export async function receivedEmails(db: Db, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return db
    .select({
      messageKey: inboundEmails.messageKey,
      ticketId: inboundEmails.ticketId,
      participant: participantColumns,
    })
    .from(inboundEmails)
    .innerJoin(participants, eq(participants.id, inboundEmails.participantId))
    .where(and(inArray(inboundEmails.messageKey, messageIds), isNotNull(inboundEmails.participantId)));
}

/** The participants (active or not, in any program) with one of these addresses. */
export async function participantsWithEmails(db: Db, emails: string[]): Promise<BoundParticipant[]> {
  if (emails.length === 0) return [];
  return db.select(participantColumns).from(participants).where(inArray(participants.email, emails));
}

/** `desk-manager@reply.domain`: mail written to a program's own address is that program's to review. */
export async function addressedProgramOrganization(db: Db, recipients: string[], replyDomain: string) {
  const suffix = `@${replyDomain.toLowerCase()}`;
  const slugs = recipients
    .filter((address) => address.endsWith(suffix))
    .map((address) => address.slice(0, -suffix.length))
    .filter((local) => /^[a-z0-9-]{1,80}$/.test(local));
  if (slugs.length === 0) return null;
  const rows = await db
    .select({ organizationId: programs.organizationId })
    .from(programs)
    .where(inArray(programs.slug, slugs))
    .limit(2);
  return rows.length === 1 ? rows[0]!.organizationId : null;
}

/** With one organization on this installation, a message nobody claims is that organization's to review. */
export async function onlyOrganization(db: Db): Promise<string | null> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}
