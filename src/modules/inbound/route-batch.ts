// Whom a received e-mail belongs to (DESIGN "Inbound e-mail"), tried in this order:
//  1. the signed token of our reply address `reply+TOKEN@domain`: it names the e-mail we sent, hence
//     the participant and, for a ticket e-mail, the ticket. A forged or tampered token names nothing;
//  2. In-Reply-To / References against the Message-IDs we sent (and received on a ticket), newest first,
//     when the sender is that e-mail's participant: Message-IDs travel in clear in every forward and
//     quote, so unlike the token they only pin the thread, they do not authenticate;
//  3. the sender's address, when exactly one active participant has it.
// What none of them claims is quarantined for the organization it most likely belongs to: the one the
// sender's addresses all belong to, the program named by the recipient (`slug@reply-domain`), or the
// installation's only organization.
// Only e-mails we sent to the participant themself count: a contact notice or a staff notification
// never lets its reader write into a referrer's tickets.
// A batch's messages are routed together: what the whole batch needs is read with one query per kind of
// fact (route-queries.ts), then each message is routed in memory from those facts.
import type { Db } from "../../platform/db/client.js";
import { type RoutingInput, threadIds } from "./reply-targets.js";
import {
  addressedProgramOrganization,
  type BoundParticipant,
  onlyOrganization,
  participantsWithEmails,
  receivedEmails,
  type SentEmail,
  sentEmails,
} from "./route-queries.js";

export type EmailRoute =
  | {
      kind: "bound";
      via: "token" | "references" | "sender";
      participant: BoundParticipant;
      /** The ticket the answered e-mail was about, if any. */
      ticketId: string | null;
    }
  | {
      kind: "unbound";
      outcome: "unknown_sender" | "ambiguous_sender";
      /** Where the quarantined message is shown: the only organization the sender could belong to. */
      organizationId: string | null;
    };

/** A message of the batch as routing sees it: its routing input and the reply tokens it carries. */
export type RoutableEmail = { input: RoutingInput; tokenTargets: string[] };

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
    const participantsByEmail = new Map<string, BoundParticipant[]>();
    for (const person of await participantsWithEmails(db, senders)) {
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

  /** The token, then the thread when the sender is its participant, then the sender. */
  async route(email: RoutableEmail): Promise<EmailRoute> {
    for (const id of email.tokenTargets) {
      const sent = this.sentById.get(id);
      if (sent?.participant) return bound("token", sent.participant, sent.ticketId);
    }
    const from = email.input.from;
    if (from) {
      for (const messageId of threadIds(email.input)) {
        const sent = this.sentByMessageId.get(messageId);
        if (sent?.participant?.email === from) return bound("references", sent.participant, sent.ticketId);
        const received = this.receivedByKey.get(messageId);
        if (received?.participant.email === from) {
          return bound("references", received.participant, received.ticketId);
        }
      }
    }
    return this.routeBySender(email.input);
  }

  /**
   * The organization whose agents should see a message no ticket takes (automatic mail, a bounce): the one
   * of the e-mail it answers (by token, else by thread, any e-mail we sent), else as for an unknown sender.
   */
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
    if (active.length === 1) return bound("sender", active[0]!, null);
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

function bound(
  via: "token" | "references" | "sender",
  participant: BoundParticipant,
  ticketId: string | null,
): EmailRoute {
  return { kind: "bound", via, participant, ticketId };
}
