export { findParticipantByEmail, getParticipantOrThrow, upsertParticipant } from "./participant-queries.js";
export { resolveParticipantSession } from "./participant-sessions.js";
export { consentRecords, type Participant, participants } from "./schema.js";
export { createSignInLinkHandler, portalSignInLinkJob } from "./sign-in-links.js";
