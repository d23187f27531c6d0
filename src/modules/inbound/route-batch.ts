// Routing for a batch of received messages (route-email.ts one at a time, the same rules in the same
// order): what the whole batch needs is read with one query per kind of fact (the e-mails answered by
// token or Message-ID, the messages received earlier, the senders' participants), then each message is
// routed in memory from those facts.
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { emailOutbox } from "../../platform/mail/schema.js";
import { participants } from "../participants/schema.js";
import {
  addressedProgramOrganization,
  type BoundParticipant,
  bound,
  type EmailRoute,
  onlyOrganization,
  participantColumns,
  type RoutingInput,
  threadIds,
} from "./route-email.js";
import { inboundEmails } from "./schema.js";

/** A message of the batch as routing sees it: its routing input and the reply tokens it carries. */
export type RoutableEmail = { input: RoutingInput; tokenTargets: string[] };

type SentEmail = {
  id: string;
  messageId: string;
  organizationId: string | null;
  programId: string | null;
  ticketId: string | null;
  /** The participant, when the e-mail went to their own address (only those route a reply). */
  participant: BoundParticipant | null;
};

type ReceivedEmail = { ticketId: string | null; participant: BoundParticipant };

export class BatchRoutingFacts {
  private organizationWhenAlone: Promise<string | null> | undefined;

  private constructor(
    private readonly db: Db,
    private readonly replyDomain: string,
    private readonly sentById: Map<string, SentEmail>,
    private readonly sentByMessageId: Map<string, SentEmail>,
    private readonly receivedByKey: Map<string, ReceivedEmail>,
    private readonly participantsByEmail: Map<string, BoundParticipant[]>,
  ) {}

  /** Three queries for the whole batch, whatever its size. */
  static async load(db: Db, replyDomain: string, emails: RoutableEmail[]): Promise<BatchRoutingFacts> {
    const outboxIds = [...new Set(emails.flatMap((email) => email.tokenTargets))];
    const messageIds = [...new Set(emails.flatMap((email) => threadIds(email.input)))];
    const senders = [...new Set(emails.flatMap((email) => email.input.from ?? []))];
    // One after the other: a transaction's statements share one connection.
    const sent = await sentEmails(db, outboxIds, messageIds);
    const received = await receivedEmails(db, messageIds);
    const people =
      senders.length === 0
        ? []
        : await db.select(participantColumns).from(participants).where(inArray(participants.email, senders));
    const participantsByEmail = new Map<string, BoundParticipant[]>();
    for (const person of people) {
      participantsByEmail.set(person.email, [...(participantsByEmail.get(person.email) ?? []), person]);
    }
    return new BatchRoutingFacts(
      db,
      replyDomain,
      new Map(sent.map((row) => [row.id, row])),
      new Map(sent.map((row) => [row.messageId, row])),
      new Map(received.map((row) => [row.messageKey, row])),
      participantsByEmail,
    );
  }

  /** `routeEmail`: the token, then the thread when the sender is its participant, then the sender. */
  async route(email: RoutableEmail): Promise<EmailRoute> {
    for (const id of email.tokenTargets) {
      const sent = this.sentById.get(id);
      if (sent?.participant) return bound("token", { ...sent.participant, ...sentRoute(sent) });
    }
    const from = email.input.from;
    if (from) {
      for (const messageId of threadIds(email.input)) {
        const sent = this.sentByMessageId.get(messageId);
        if (sent?.participant?.email === from) {
          return bound("references", { ...sent.participant, ...sentRoute(sent) });
        }
        const received = this.receivedByKey.get(messageId);
        if (received?.participant.email === from) {
          return bound("references", { ...received.participant, ticketId: received.ticketId });
        }
      }
    }
    return this.routeBySender(email.input);
  }

  /** `likelyOrganization`: the organization of an e-mail it answers, else as for an unknown sender. */
  async likelyOrganization(email: RoutableEmail): Promise<string | null> {
    const answered = [
      ...email.tokenTargets.map((id) => this.sentById.get(id)),
      ...threadIds(email.input).map((id) => this.sentByMessageId.get(id)),
    ];
    const organizationId = answered.find((sent) => sent?.organizationId)?.organizationId;
    if (organizationId) return organizationId;
    const route = await this.routeBySender(email.input);
    return route.kind === "bound" ? route.participant.organizationId : route.organizationId;
  }

  private async routeBySender(input: RoutingInput): Promise<EmailRoute> {
    const matches = input.from ? (this.participantsByEmail.get(input.from) ?? []) : [];
    const active = matches.filter((row) => row.status === "active");
    if (active.length === 1) return bound("sender", active[0]!);
    const organizationIds = [...new Set(matches.map((row) => row.organizationId))];
    return {
      kind: "unbound",
      outcome: active.length > 1 ? "ambiguous_sender" : "unknown_sender",
      // Rare (strangers): looked up one message at a time, the installation's only organization once.
      organizationId:
        organizationIds.length === 1
          ? organizationIds[0]!
          : ((await addressedProgramOrganization(this.db, input.recipients, this.replyDomain)) ??
            (await this.onlyOrganization())),
    };
  }

  /** The installation's only organization, looked up once per batch. */
  private onlyOrganization(): Promise<string | null> {
    this.organizationWhenAlone ??= onlyOrganization(this.db);
    return this.organizationWhenAlone;
  }
}

const sentRoute = (sent: SentEmail) => ({ ticketId: sent.ticketId, outboxProgramId: sent.programId });

/** E-mails we sent, named by their outbox id (reply token) or Message-ID, with their participant. */
async function sentEmails(db: Db, outboxIds: string[], messageIds: string[]): Promise<SentEmail[]> {
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
      programId: emailOutbox.programId,
      ticketId: emailOutbox.ticketId,
      toAddress: emailOutbox.toAddress,
      participant: participantColumns,
    })
    .from(emailOutbox)
    .leftJoin(participants, eq(participants.id, emailOutbox.participantId))
    .where(or(...named));
  return rows.map(({ toAddress, participant, ...sent }) => ({
    ...sent,
    // Only e-mails sent to the participant themself count (route-email.ts).
    participant: participant && toAddress.toLowerCase() === participant.email ? participant : null,
  }));
}

/** Messages received earlier (bound to a participant) whose Message-ID a reply names. */
async function receivedEmails(db: Db, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  const rows = await db
    .select({
      messageKey: inboundEmails.messageKey,
      ticketId: inboundEmails.ticketId,
      participant: participantColumns,
    })
    .from(inboundEmails)
    .innerJoin(participants, eq(participants.id, inboundEmails.participantId))
    .where(and(inArray(inboundEmails.messageKey, messageIds), isNotNull(inboundEmails.participantId)));
  return rows;
}
