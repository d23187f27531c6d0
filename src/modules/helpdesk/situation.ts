// "Situação" (seed: "situação do atendimento"): whom a ticket waits on, derived from its last public
// message. An internal note or a system message changes nothing: the referrer never sees them.
import type { MessageAuthorKind, TicketSituation } from "./schema.js";

export function situationAfterMessage(
  current: TicketSituation,
  message: { authorKind: MessageAuthorKind; isInternal: boolean },
): TicketSituation {
  if (message.isInternal) return current;
  if (message.authorKind === "participant") return "awaiting_agent";
  if (message.authorKind === "staff") return "awaiting_participant";
  return current;
}
