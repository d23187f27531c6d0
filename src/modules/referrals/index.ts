export { salesBackOfficeRoutes } from "./back-office/admin-routes.js";
export {
  allowedMoves,
  disqualificationReasons,
  moveReferral,
  notAdvancedReasons,
  reasonsFor,
} from "./lifecycle.js";
export { portalReferralRoutes } from "./portal-routes.js";
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
export { reasonLabel, statusLabel } from "./status-words.js";
export { submitReferral } from "./submit-referral.js";
