// The rewards' codes (DESIGN.md "Rewards"), shared by the server's enums and the web app's forms and
// filters.

export const rewardKinds = ["voucher", "physical", "experience"] as const;
export type RewardKind = (typeof rewardKinds)[number];

/** An offer waits for the referrer's choice, then for its delivery (which may be late, with a note). */
export const rewardOfferStatuses = ["awaiting_choice", "chosen", "delivered", "delayed"] as const;
export type RewardOfferStatus = (typeof rewardOfferStatuses)[number];
