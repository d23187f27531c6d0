export { salesBackOfficeRoutes } from "./back-office/admin-routes.js";
export {
  allowedMoves,
  disqualificationReasons,
  moveReferral,
  notAdvancedReasons,
  reasonsFor,
} from "./lifecycle.js";
export { referralRoutes } from "./routes.js";
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
export { submitReferral } from "./submit-referral.js";
