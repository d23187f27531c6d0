// The participants module: referrers, their portal sessions and sign-in links.

export {
  type AddressConfirmation,
  isAddressVerified,
  issueAddressConfirmation,
} from "./address-confirmation.js";
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
export type { Participant } from "./schema.js";
export { createSignInLinkHandler, portalSignInLinkJob } from "./sign-in-links.js";
