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
import { inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { verifyReplyToken } from "../../platform/mail/reply-address.js";
import { participants } from "../participants/index.js";
import { organizations, programs } from "../programs/index.js";

export type BoundParticipant = {
  participantId: string;
  programId: string;
  organizationId: string;
  email: string;
  status: "active" | "left";
};

export type EmailRoute =
  | {
      kind: "bound";
      via: "token" | "references" | "sender";
      participant: BoundParticipant;
      /** The ticket the answered e-mail was about, if any. */
      ticketId: string | null;
      /** The program of the e-mail answered (bounces suppress there). */
      outboxProgramId: string | null;
    }
  | {
      kind: "unbound";
      outcome: "unknown_sender" | "ambiguous_sender";
      /** Where the quarantined message is shown: the only organization the sender could belong to. */
      organizationId: string | null;
    };

export type RoutingInput = {
  recipients: string[];
  inReplyTo: string[];
  references: string[];
  from: string | null;
};

export const participantColumns = {
  participantId: participants.id,
  programId: participants.programId,
  organizationId: participants.organizationId,
  email: participants.email,
  status: participants.status,
};

/** Every valid reply token among the recipients, as the outbox ids they name. */
export function replyTokenTargets(recipients: string[], secret: string, replyDomain: string): string[] {
  const domain = replyDomain.toLowerCase();
  const ids: string[] = [];
  for (const recipient of recipients) {
    const match = recipient.toLowerCase().match(/^reply\+([a-z2-7]{42})@(.+)$/);
    if (!match || match[2] !== domain) continue;
    const id = verifyReplyToken(secret, match[1]!);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function bound(
  via: "token" | "references" | "sender",
  row: BoundParticipant & { ticketId?: string | null; outboxProgramId?: string | null },
): EmailRoute {
  const { ticketId = null, outboxProgramId = null, ...participant } = row;
  return {
    kind: "bound",
    via,
    participant: {
      participantId: participant.participantId,
      programId: participant.programId,
      organizationId: participant.organizationId,
      email: participant.email,
      status: participant.status,
    },
    ticketId,
    outboxProgramId,
  };
}

/** The thread's Message-IDs, the one answered first: In-Reply-To, then References newest to oldest. */
export function threadIds(input: RoutingInput): string[] {
  return [...new Set([...input.inReplyTo, ...[...input.references].reverse()])].slice(0, 50);
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
