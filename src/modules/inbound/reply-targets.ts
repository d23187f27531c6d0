// What a received message names of the mail it answers: the e-mails its reply tokens sign (our reply
// address `reply+TOKEN@domain`) and the Message-IDs of its thread. No database.
import { verifyReplyToken } from "../../platform/mail/reply-address.js";

/** What routing reads of a message: its recipients (envelope and headers), its thread and its sender. */
export type RoutingInput = {
  recipients: string[];
  inReplyTo: string[];
  references: string[];
  from: string | null;
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

/** The thread's Message-IDs, the one answered first: In-Reply-To, then References newest to oldest. */
export function threadIds(input: Pick<RoutingInput, "inReplyTo" | "references">): string[] {
  return [...new Set([...input.inReplyTo, ...[...input.references].reverse()])].slice(0, 50);
}
