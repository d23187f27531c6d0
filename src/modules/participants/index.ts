export { findParticipantByEmail, getParticipantOrThrow, upsertParticipant } from "./participant-queries.js";
export { resolveParticipantSession } from "./participant-sessions.js";
export { participantRoutes } from "./routes.js";
export { consentRecords, participants } from "./schema.js";
export { createSignInLinkHandler, portalSignInLinkJob } from "./sign-in-links.js";
