// What routing reads from the database, one query per kind of fact for a whole batch (and, rarely, for
// one stranger): the e-mails we sent that a message answers, the messages received earlier on a thread,
// the participants with the senders' addresses, and where a message nobody claims is shown.
import { and, inArray, isNotNull, or } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { emailOutbox } from "../../platform/mail/schema.js";
import {
  type Participant,
  participantsOfRows,
  participantsWithEmails as withEmails,
} from "../participants/index.js";
import { organizationIdsOfProgramSlugs, soleOrganizationId } from "../programs/index.js";
import { inboundEmails } from "./schema.js";

export type BoundParticipant = {
  participantId: string;
  programId: string;
  organizationId: string;
  email: string;
  status: "active" | "left";
};

function bound(participant: Participant): BoundParticipant {
  const { id: participantId, programId, organizationId, email, status } = participant;
  return { participantId, programId, organizationId, email, status };
}

/** The participants of these rows by id (the participants module owns them), as routing binds them. */
async function boundParticipants(db: Db, ids: (string | null)[]): Promise<Map<string, BoundParticipant>> {
  const found = await participantsOfRows(
    db,
    ids.filter((id): id is string => id !== null),
  );
  return new Map([...found].map(([id, participant]) => [id, bound(participant)]));
}

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
      participantId: emailOutbox.participantId,
    })
    .from(emailOutbox)
    .where(or(...named));
  const people = await boundParticipants(
    db,
    rows.map((row) => row.participantId),
  );
  return rows.map(({ toAddress, participantId, ...sent }) => {
    const participant = participantId ? (people.get(participantId) ?? null) : null;
    // A contact notice or a staff notification never lets its reader write into a referrer's tickets.
    return {
      ...sent,
      participant: participant && toAddress.toLowerCase() === participant.email ? participant : null,
    };
  });
}

/** Messages received earlier (bound to a participant) whose Message-ID a reply names. */
export async function receivedEmails(db: Db, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  const rows = await db
    .select({
      messageKey: inboundEmails.messageKey,
      ticketId: inboundEmails.ticketId,
      participantId: inboundEmails.participantId,
    })
    .from(inboundEmails)
    .where(and(inArray(inboundEmails.messageKey, messageIds), isNotNull(inboundEmails.participantId)));
  const people = await boundParticipants(
    db,
    rows.map((row) => row.participantId),
  );
  return rows.flatMap(({ participantId, ...row }) => {
    const participant = participantId ? people.get(participantId) : undefined;
    return participant ? [{ ...row, participant }] : [];
  });
}

/** The participants (active or not, in any program) with one of these addresses. */
export async function participantsWithEmails(db: Db, emails: string[]): Promise<BoundParticipant[]> {
  return (await withEmails(db, emails)).map(bound);
}

/** `desk-manager@reply.domain`: mail written to a program's own address is that program's to review. */
export async function addressedProgramOrganization(db: Db, recipients: string[], replyDomain: string) {
  const suffix = `@${replyDomain.toLowerCase()}`;
  const slugs = recipients
    .filter((address) => address.endsWith(suffix))
    .map((address) => address.slice(0, -suffix.length))
    .filter((local) => /^[a-z0-9-]{1,80}$/.test(local));
  const organizationIds = await organizationIdsOfProgramSlugs(db, slugs);
  return organizationIds.length === 1 ? organizationIds[0]! : null;
}

/** With one organization on this installation, a message nobody claims is that organization's to review. */
export const onlyOrganization = soleOrganizationId;
