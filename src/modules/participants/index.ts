// The participants module: referrers and helpdesk contacts, their portal sessions and sign-in links.

export {
  type AddressConfirmation,
  isAddressVerified,
  issueAddressConfirmation,
} from "./address-confirmation.js";
export { type ContactOrigin, createContact, type NewContact } from "./contacts.js";
export { referrerUpsertSql } from "./intake-upsert.js";
export {
  countDigestSubscribers,
  getOrganizationParticipantOrThrow,
  participantsByIds,
  participantsOfRows,
  participantsWithEmails,
  participantWithProgram,
} from "./participant-directory.js";
export { findParticipantByEmail, getParticipantOrThrow, upsertParticipant } from "./participant-queries.js";
export { resolveParticipantSession } from "./participant-sessions.js";
export type { Participant, ParticipantKind } from "./schema.js";
export { createSignInLinkHandler, portalSignInLinkJob } from "./sign-in-links.js";
