export { contactNoticeJob, createContactNoticeHandler } from "./contact-notice.js";
export { createDecisionNoticeHandler, decisionNoticeJob } from "./decision-notice.js";
export {
  allowedMoves,
  disqualificationReasons,
  moveReferral,
  notAdvancedReasons,
  reasonsFor,
} from "./lifecycle.js";
export { type PastReferral, recordPastReferral } from "./past-referrals.js";
export {
  isParticipantReferral,
  type ReferralSummary,
  referralSummariesByIds,
  referralsOfParticipant,
} from "./referral-summaries.js";
export { renormalizeReferralCompanyNames } from "./renormalize-company-names.js";
export { createReferralChecksHandler, referralChecksJob } from "./run-checks.js";
export type { Referral } from "./schema.js";
export { reasonLabel, statusLabel } from "./status-words.js";
export { submitReferral } from "./submit-referral.js";
