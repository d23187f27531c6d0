// Whom a received e-mail belongs to (DESIGN "Inbound e-mail"), tried in this order:
//  1. the signed token of our reply address `reply+TOKEN@domain`: it names the e-mail we sent, hence
//     the participant and, for a ticket e-mail, the ticket. A forged or tampered token names nothing.
//     Used from another address than the participant's (a forward, a leak) it is not trusted;
//  2. In-Reply-To / References against the Message-IDs we sent (and received on a ticket), newest first,
//     when the sender is that e-mail's participant and the sender is verified (DKIM/SPF/DMARC):
//     Message-IDs travel in clear in every forward and quote, and a From header is anyone's to write;
//  3. the sender's address, when exactly one active participant has it (trusted only when verified).
// An untrusted route never lands in an existing ticket: the helpdesk opens a ticket marked
// "remetente não verificado" (email-messages.ts).
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
      /** False for an unverified sender, or a reply token used from another address. */
      isTrusted: boolean;
    }
  | {
      kind: "unbound";
      outcome: "unknown_sender" | "ambiguous_sender";
      /** Where the quarantined message is shown: the only organization the sender could belong to. */
      organizationId: string | null;
    };

/**
 * A message of the batch as routing sees it: its routing input, the reply tokens it carries and whether
 * its From domain vouched for it (sender-authentication.ts).
 */
export type RoutableEmail = { input: RoutingInput; tokenTargets: string[]; isSenderVerified: boolean };

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

  /** The token, then (a verified sender) the thread when the sender is its participant, then the sender. */
  async route(email: RoutableEmail): Promise<EmailRoute> {
    const from = email.input.from;
    for (const id of email.tokenTargets) {
      const sent = this.sentById.get(id);
      if (sent?.participant) {
        return bound("token", sent.participant, sent.ticketId, from === sent.participant.email);
      }
    }
    if (from && email.isSenderVerified) {
      for (const messageId of threadIds(email.input)) {
        const sent = this.sentByMessageId.get(messageId);
        if (sent?.participant?.email === from) {
          return bound("references", sent.participant, sent.ticketId, true);
        }
        const received = this.receivedByKey.get(messageId);
        if (received?.participant.email === from) {
          return bound("references", received.participant, received.ticketId, true);
        }
      }
    }
    return this.routeBySender(email.input, email.isSenderVerified);
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
    const route = await this.routeBySender(email.input, false);
    return route.kind === "bound" ? route.participant.organizationId : route.organizationId;
  }

  private async routeBySender(input: RoutingInput, isSenderVerified: boolean): Promise<EmailRoute> {
    const matches = input.from ? (this.participantsByEmail.get(input.from) ?? []) : [];
    const active = matches.filter((row) => row.status === "active");
    if (active.length === 1) return bound("sender", active[0]!, null, isSenderVerified);
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
  isTrusted: boolean,
): EmailRoute {
  return { kind: "bound", via, participant, ticketId, isTrusted };
}
