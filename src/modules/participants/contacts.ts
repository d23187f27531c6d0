// Helpdesk contacts (issue 17.6): a prospect who e-mails the program is not a referrer, yet deserves an
// answer. An agent opens a ticket for them from their e-mail, which makes them a participant of kind
// `contact`: no referrals, no rewards, no digest, and a portal that shows only the helpdesk. What we
// hold of them rests on legitimate interest (LGPD art. 7 IX): answering the request they sent us.
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { Db } from "../../platform/db/client.js";
import type { ProgramScope } from "../../platform/db/tenant.js";
import { Conflict } from "../../platform/http/errors.js";
import { normalizeEmail } from "../../shared/email.js";
import { type Participant, participants } from "./schema.js";

export type NewContact = { email: string; name: string; locale?: string };

/** Who opened the contact and from what: kept in the audit log with the basis. */
export type ContactOrigin = { staffUserId: string; inboundEmailId: string };

/**
 * Creates the contact through `tx`. An address that already takes part in the program is refused
 * (409 participant_exists): that person's mail is attached to them instead.
 */
export async function createContact(
  tx: Db,
  scope: ProgramScope,
  contact: NewContact,
  origin: ContactOrigin,
): Promise<Participant> {
  const [created] = await tx
    .insert(participants)
    .values({
      organizationId: scope.organizationId,
      programId: scope.programId,
      email: normalizeEmail(contact.email),
      name: contact.name.trim(),
      locale: contact.locale ?? "pt-BR",
      kind: "contact",
      legalBasis: "legitimate_interest:answer_request",
      // A contact asked nothing of the program's mailings: only answers to their tickets reach them.
      wantsMonthlyDigest: false,
      wantsStatusEmails: false,
    })
    .onConflictDoNothing({ target: [participants.programId, participants.email] })
    .returning();
  if (!created) {
    throw new Conflict(
      "participant_exists",
      "This address already takes part in the program: attach the e-mail to them.",
    );
  }
  await recordAudit(tx, {
    organizationId: scope.organizationId,
    programId: scope.programId,
    actorKind: "staff",
    actorId: origin.staffUserId,
    action: "participant.contact_created",
    subjectType: "participant",
    subjectId: created.id,
    data: { legalBasis: created.legalBasis, inboundEmailId: origin.inboundEmailId },
  });
  return created;
}
