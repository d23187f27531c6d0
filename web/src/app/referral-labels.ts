import { disqualificationReasons, notAdvancedReasons, type ReferralReason } from "@shared/referral-codes";
import type { TFunction } from "i18next";

const knownReasons: readonly string[] = [...disqualificationReasons, ...notAdvancedReasons];

function isReferralReason(reason: string): reason is ReferralReason {
  return knownReasons.includes(reason);
}

/** A reason code in words; a code this page does not know yet is shown as it is rather than hidden. */
export function reasonLabel(t: TFunction, reason: string | null): string {
  if (!reason) return "";
  return isReferralReason(reason) ? t(`referral.reason.${reason}`) : reason;
}
