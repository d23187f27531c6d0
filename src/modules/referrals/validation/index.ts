export { ageOn, isAtLeast, isValidIsoDate, todayIn } from "./age.js";
export { cnpjRoot, isValidCnpj, normalizeCnpj } from "./cnpj.js";
export { normalizeCompanyName } from "./company-name.js";
export {
  corporateDomain,
  emailDomain,
  isDisposableDomain,
  isFreeMailDomain,
  isSelfReferral,
  registrableDomain,
} from "./email-domain.js";
export { normalizePhone } from "./phone.js";
export { referralFieldRules, type TReferralSubmission, ZReferralSubmission } from "./referral-input.js";
