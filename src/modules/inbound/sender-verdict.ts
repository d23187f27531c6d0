// Whether processing trusts a message's From: the door's own check (sender-authentication.ts) or, with
// INBOUND_TRUSTED_AUTHSERV_ID, the relay's Authentication-Results (relay-authentication.ts), and in both
// cases for the very domain of the From that routing reads: a parser that sees another From than the
// check did (two From headers, an odd encoding) gets no trust from it.
import type { ParsedEmail } from "./content/parse-email.js";
import { relayAuthentication } from "./relay-authentication.js";
import type { InboundEmail } from "./schema.js";
import { domainOf } from "./sender-authentication.js";

export function isSenderVerified(
  row: Pick<InboundEmail, "senderAuthentication">,
  parsed: Pick<ParsedEmail, "from" | "headers">,
  trustedAuthservId: string | undefined,
): boolean {
  const from = parsed.from?.address ?? null;
  if (!from) return false;
  const verdict = trustedAuthservId
    ? relayAuthentication(parsed.headers.get("authentication-results"), trustedAuthservId, from)
    : row.senderAuthentication;
  return verdict?.verified === true && verdict.fromDomain === domainOf(from);
}
