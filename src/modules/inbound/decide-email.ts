// What one received message does (DESIGN "Inbound e-mail"), decided in this order: a delivery report
// suppresses the addresses that failed; automatic mail, and a sender over the hourly cap, stay out of the
// helpdesk yet are listed for the agents who would have received them (audit); what routing binds to
// nobody, or to someone who left the program, waits in the quarantine for an agent; the rest is its
// participant's e-mail, for the helpdesk to post.
import type { Db } from "../../platform/db/client.js";
import type { ParticipantEmail } from "../helpdesk/index.js";
import type { InboundUpdate } from "./batch-statements.js";
import { bouncedProgramId, suppressBounced } from "./bounces.js";
import type { ReadEmail } from "./content/read-email.js";
import type { BatchRoutingFacts, EmailRoute, RoutableEmail } from "./route-batch.js";
import type { InboundEmail } from "./schema.js";

/** The longest text a message keeps (the portal's limit); the original keeps everything. */
const TEXT_MAX = 20_000;

/** A claimed message as processing sees it: its row, what its bytes say and what it answers. */
export type PreparedEmail = RoutableEmail & ReadEmail & { row: InboundEmail };

/** The columns the message's outcome sets and, for a participant's e-mail, what the helpdesk takes. */
type Decision = { update: Omit<InboundUpdate, "id">; email?: ParticipantEmail };

/** From the batch's facts; a bounce (rare) looks up the program of the e-mail that failed on its own. */
export async function decideEmail(
  tx: Db,
  facts: BatchRoutingFacts,
  item: PreparedEmail,
  isOverHourlyCap: boolean,
): Promise<Decision> {
  const { classification } = item;
  if (classification.kind === "bounce") {
    const programId = await bouncedProgramId(tx, item.tokenTargets, item.parsed.returnedMessageId);
    const outcome = await suppressBounced(tx, classification.failedRecipients, programId);
    return { update: { status: "bounce", outcome, organizationId: await facts.likelyOrganization(item) } };
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
    update: { outcome: route.via, ...placed },
    email: {
      owner: participant,
      answeredTicketId: route.ticketId,
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
