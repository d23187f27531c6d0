// The referral lifecycle's codes (DESIGN.md "The referral lifecycle"), the same on the server (its
// database enums and rules) and in the web app (its filters and labels). Labels live with each side's
// texts; only the codes and the moves are here.

export const referralStatuses = [
  "in_progress",
  "qualified",
  "not_qualified",
  "in_commercial_process",
  "not_advanced",
  "sale_confirmed",
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** The moves a status allows; an upheld appeal (not_qualified | not_advanced → in_progress) is its own path. */
export const allowedMoves: Record<ReferralStatus, readonly ReferralStatus[]> = {
  in_progress: ["qualified", "not_qualified"],
  qualified: ["in_commercial_process", "not_qualified"],
  in_commercial_process: ["not_advanced", "sale_confirmed"],
  not_qualified: [],
  not_advanced: [],
  sale_confirmed: [],
};

/** Why a lead is not qualified: the policy's six, and three it implies (DESIGN.md). */
export const disqualificationReasons = [
  "invalid_email",
  "outside_profile",
  "already_in_funnel",
  "already_customer",
  "partner_program_customer",
  "contact_problem_or_no_interest",
  "already_referred",
  "former_customer_recent",
  "contact_unaware",
] as const;
export type DisqualificationReason = (typeof disqualificationReasons)[number];

export const notAdvancedReasons = [
  "out_of_sla",
  "budget",
  "chose_other_tool",
  "no_time",
  "decision_maker_declined",
  "no_contact",
] as const;
export type NotAdvancedReason = (typeof notAdvancedReasons)[number];
export type ReferralReason = DisqualificationReason | NotAdvancedReason;

/** The reasons a status carries; an empty list means it takes none. */
export function reasonsFor(status: string): readonly ReferralReason[] {
  if (status === "not_qualified") return disqualificationReasons;
  if (status === "not_advanced") return notAdvancedReasons;
  return [];
}

export const contactDepartments = ["it", "customer_service", "other"] as const;
export type ContactDepartment = (typeof contactDepartments)[number];
export const companySizes = ["small", "medium", "large", "enterprise"] as const;
export type CompanySize = (typeof companySizes)[number];
