// What a received message names of the mail it answers: the e-mails its reply tokens sign (our reply
// address `reply+TOKEN@domain`), the e-mail a delivery report returns (our bounce address
// `bounce+TOKEN@domain`) and the Message-IDs of its thread. No database.
import { signedAddressTargets } from "../../platform/mail/reply-address.js";

/** What routing reads of a message: its recipients (envelope and headers), its thread and its sender. */
export type RoutingInput = {
  recipients: string[];
  inReplyTo: string[];
  references: string[];
  from: string | null;
};

/** Every valid reply token among the recipients, as the outbox ids they name. */
export function replyTokenTargets(recipients: string[], secret: string, replyDomain: string): string[] {
  return signedAddressTargets("reply", recipients, secret, replyDomain);
}

/** Every valid bounce token among the recipients (a report reaches our VERP address), as outbox ids. */
export function bounceTokenTargets(recipients: string[], secret: string, replyDomain: string): string[] {
  return signedAddressTargets("bounce", recipients, secret, replyDomain);
}

/** The thread's Message-IDs, the one answered first: In-Reply-To, then References newest to oldest. */
export function threadIds(input: Pick<RoutingInput, "inReplyTo" | "references">): string[] {
  return [...new Set([...input.inReplyTo, ...[...input.references].reverse()])].slice(0, 50);
}
