export {
  allowedMoves,
  disqualificationReasons,
  moveReferral,
  notAdvancedReasons,
  reasonsFor,
} from "./lifecycle.js";
export { createReferralChecksHandler, referralChecksJob } from "./run-checks.js";
export {
  type Referral,
  type ReferralStatus,
  referralEvents,
  referralFindings,
  referralSales,
  referralStatuses,
  referrals,
} from "./schema.js";
export { reasonLabel, statusLabel } from "./status-words.js";
export { submitReferral } from "./submit-referral.js";
