// What one received message does (DESIGN "Inbound e-mail"), decided in this order: a delivery report
// that reached a signed bounce address suppresses that e-mail's recipient (bounces.ts); automatic mail, and a sender over the hourly cap, stay out of the
// helpdesk yet are listed for the agents who would have received them (audit); what routing binds to
// nobody, or to someone who left the program, waits in the quarantine for an agent; the rest is its
// participant's e-mail, for the helpdesk to post.
import type { Db } from "../../platform/db/client.js";
import type { ParticipantEmail } from "../helpdesk/index.js";
import type { InboundUpdate } from "./batch-statements.js";
import { recordBounce } from "./bounces.js";
import type { ReadEmail } from "./content/read-email.js";
import type { BatchRoutingFacts, EmailRoute, RoutableEmail } from "./route-batch.js";
import type { InboundEmail } from "./schema.js";

/** The longest text a message keeps (the portal's limit); the original keeps everything. */
const TEXT_MAX = 20_000;

/** A claimed message as processing sees it: its row, what its bytes say and what it answers. */
export type PreparedEmail = RoutableEmail &
  ReadEmail & {
    row: InboundEmail;
    /** The outbox e-mails named by signed bounce addresses among the recipients (a report's proof). */
    bounceTargets: string[];
  };

/** The columns the message's outcome sets and, for a participant's e-mail, what the helpdesk takes. */
type Decision = { update: Omit<InboundUpdate, "id">; email?: ParticipantEmail };

/** From the batch's facts; a bounce (rare) looks up the e-mail that failed on its own. */
export async function decideEmail(
  tx: Db,
  facts: BatchRoutingFacts,
  item: PreparedEmail,
  isOverHourlyCap: boolean,
): Promise<Decision> {
  const { classification } = item;
  if (classification.kind === "bounce") {
    const { failedRecipients } = classification;
    const { outcome, organizationId } = await recordBounce(tx, {
      bounceTargets: item.bounceTargets,
      failedRecipients,
      inboundEmailId: item.row.id,
    });
    return {
      update: {
        status: "bounce",
        outcome,
        organizationId: organizationId ?? (await facts.likelyOrganization(item)),
      },
    };
  }
  if (classification.kind === "automatic") return ignored(facts, item, classification.reason);
  if (isOverHourlyCap) return ignored(facts, item, "rate_limited");
  return routed(item, await facts.route(item));
}

async function ignored(facts: BatchRoutingFacts, item: PreparedEmail, outcome: string): Promise<Decision> {
  return { update: { status: "ignored", outcome, organizationId: await facts.likelyOrganization(item) } };
}

function routed({ row, parsed, reply }: PreparedEmail, route: EmailRoute): Decision {
  if (route.kind === "unbound") {
    return {
      update: { status: "quarantined", outcome: route.outcome, organizationId: route.organizationId },
    };
  }
  const { participant } = route;
  const placed = {
    participantId: participant.participantId,
    organizationId: participant.organizationId,
    programId: participant.programId,
  };
  // Someone who left the program has no portal to read answers in: an agent decides.
  if (participant.status !== "active") {
    return { update: { status: "quarantined", outcome: "participant_left", ...placed } };
  }
  if (!reply) throw new Error("a person's message was read without its reply");
  return {
    update: { outcome: routeOutcome(route), ...placed },
    email: {
      owner: participant,
      answeredTicketId: route.ticketId,
      isSenderUnverified: !route.isTrusted,
      email: {
        subject: parsed.subject,
        text: reply.text.slice(0, TEXT_MAX) || "(sem texto)",
        html: reply.html,
        emailMessageId: parsed.messageId,
        inboundEmailId: row.id,
      },
    },
  };
}

/** `token`, `references`, `sender`; an untrusted route says why: `token_other_sender`, `sender_unverified`. */
function routeOutcome(route: Extract<EmailRoute, { kind: "bound" }>): string {
  if (route.isTrusted) return route.via;
  return route.via === "token" ? "token_other_sender" : `${route.via}_unverified`;
}
