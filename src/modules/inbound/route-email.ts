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
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { verifyReplyToken } from "../../platform/mail/reply-address.js";
import { emailOutbox } from "../../platform/mail/schema.js";
import { participants } from "../participants/schema.js";
import { organizations, programs } from "../programs/schema.js";
import { inboundEmails } from "./schema.js";

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

/** Outbox e-mails sent to their participant's own address, with that participant. */
async function participantEmails(db: Db, where: ReturnType<typeof eq>) {
  return db
    .select({
      ...participantColumns,
      messageId: emailOutbox.messageId,
      ticketId: emailOutbox.ticketId,
      outboxProgramId: emailOutbox.programId,
    })
    .from(emailOutbox)
    .innerJoin(participants, eq(participants.id, emailOutbox.participantId))
    .where(and(where, sql`lower(${emailOutbox.toAddress}) = ${participants.email}`));
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

async function routeByToken(db: Db, outboxIds: string[]): Promise<EmailRoute | null> {
  for (const id of outboxIds) {
    const [row] = await participantEmails(db, eq(emailOutbox.id, id));
    if (row) return bound("token", row);
  }
  return null;
}

/** The thread's Message-IDs, the one answered first: In-Reply-To, then References newest to oldest. */
export function threadIds(input: RoutingInput): string[] {
  return [...new Set([...input.inReplyTo, ...[...input.references].reverse()])].slice(0, 50);
}

async function routeByReferences(db: Db, input: RoutingInput): Promise<EmailRoute | null> {
  const ids = threadIds(input);
  if (ids.length === 0 || !input.from) return null;
  const [sent, received] = await Promise.all([
    participantEmails(db, inArray(emailOutbox.messageId, ids)),
    db
      .select({
        ...participantColumns,
        messageId: inboundEmails.messageKey,
        ticketId: inboundEmails.ticketId,
      })
      .from(inboundEmails)
      .innerJoin(participants, eq(participants.id, inboundEmails.participantId))
      .where(inArray(inboundEmails.messageKey, ids)),
  ]);
  const candidates = [...sent, ...received]
    .filter((row) => row.email === input.from)
    .sort((a, b) => ids.indexOf(a.messageId) - ids.indexOf(b.messageId));
  return candidates[0] ? bound("references", candidates[0]) : null;
}

async function routeBySender(db: Db, input: RoutingInput, replyDomain: string): Promise<EmailRoute> {
  const matches = input.from
    ? await db.select(participantColumns).from(participants).where(eq(participants.email, input.from))
    : [];
  const active = matches.filter((row) => row.status === "active");
  if (active.length === 1) return bound("sender", active[0]!);
  const organizationIds = [...new Set(matches.map((row) => row.organizationId))];
  return {
    kind: "unbound",
    outcome: active.length > 1 ? "ambiguous_sender" : "unknown_sender",
    organizationId:
      organizationIds.length === 1
        ? organizationIds[0]!
        : ((await addressedProgramOrganization(db, input.recipients, replyDomain)) ??
          (await onlyOrganization(db))),
  };
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

/**
 * The organization whose agents should see a message no ticket takes (automatic mail, a bounce): the one
 * of the e-mail it answers (by token, else by thread, any e-mail we sent), else as for an unknown sender.
 */
export async function likelyOrganization(
  db: Db,
  settings: { secret: string; replyDomain: string },
  input: RoutingInput,
): Promise<string | null> {
  const tokenTargets = replyTokenTargets(input.recipients, settings.secret, settings.replyDomain);
  const ids = threadIds(input);
  const answered = [
    ...(tokenTargets.length > 0 ? [inArray(emailOutbox.id, tokenTargets)] : []),
    ...(ids.length > 0 ? [inArray(emailOutbox.messageId, ids)] : []),
  ];
  if (answered.length > 0) {
    const [row] = await db
      .select({ organizationId: emailOutbox.organizationId })
      .from(emailOutbox)
      .where(and(or(...answered), isNotNull(emailOutbox.organizationId)))
      .limit(1);
    if (row?.organizationId) return row.organizationId;
  }
  const route = await routeBySender(db, input, settings.replyDomain);
  return route.kind === "bound" ? route.participant.organizationId : route.organizationId;
}

/** With one organization on this installation, a message nobody claims is that organization's to review. */
export async function onlyOrganization(db: Db): Promise<string | null> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

export async function routeEmail(
  db: Db,
  settings: { secret: string; replyDomain: string },
  input: RoutingInput,
): Promise<EmailRoute> {
  const tokenTargets = replyTokenTargets(input.recipients, settings.secret, settings.replyDomain);
  return (
    (await routeByToken(db, tokenTargets)) ??
    (await routeByReferences(db, input)) ??
    (await routeBySender(db, input, settings.replyDomain))
  );
}
