import type { HelpdeskT } from "../../i18n/helpdesk-translation";

const knownOutcomes = [
  "unknown_sender",
  "ambiguous_sender",
  "participant_left",
  "auto_submitted",
  "precedence",
  "x_autoreply",
  "auto_response_suppress",
  "mailing_list",
  "null_sender",
  "mailer_daemon",
  "own_address",
  "report",
  "rate_limited",
  "no_failed_recipient",
  "agent",
  "token",
  "references",
  "sender",
  "sender_unverified",
  "token_other_sender",
  "agent_contact",
  "bounce_unsigned",
  "bounce_other_recipient",
  "bounce_without_program",
] as const;
type KnownOutcome = (typeof knownOutcomes)[number];

const isKnown = (code: string): code is KnownOutcome => (knownOutcomes as readonly string[]).includes(code);

/**
 * Why an e-mail was held, ignored or where it went, in words. A bounce names the addresses that failed
 * (`bounced:a@x,b@y`); a code this page does not know yet is shown as it is rather than hidden.
 */
export function inboundOutcomeText(outcome: string | null, th: HelpdeskT): string {
  if (!outcome) return "—";
  // A counted bounce (bounces.ts): `bounce_hard_suppressed:a@x`, `bounce_soft:2/3_counted:a@x`.
  const bounce = outcome.match(/^bounce_(hard|soft)(?::(\d+)\/(\d+))?_(counted|suppressed):(.+)$/);
  if (bounce) {
    const [, kind, count, limit, verdict, address] = bounce;
    if (kind === "hard") return th("admin.quarantine.outcome.bounceHard", { address });
    const key = verdict === "suppressed" ? "bounceSoftSuppressed" : "bounceSoftCounted";
    return th(`admin.quarantine.outcome.${key}`, { address, count, limit });
  }
  if (outcome.startsWith("unparseable: ")) {
    return th("admin.quarantine.outcome.unparseable", { reason: outcome.slice("unparseable: ".length) });
  }
  if (outcome.startsWith("bounced:")) {
    const addresses = outcome.slice("bounced:".length).split(",").filter(Boolean).join(", ");
    return th("admin.quarantine.outcome.bounced", { addresses });
  }
  return isKnown(outcome)
    ? th(`admin.quarantine.outcome.${outcome}`)
    : th("admin.quarantine.outcome.unknown", { code: outcome });
}
