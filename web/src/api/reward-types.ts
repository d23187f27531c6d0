/** Shapes the admin and portal reward pages share (DESIGN.md "Rewards"). */
import { rewardOfferStatuses, rewardKinds as sharedRewardKinds } from "@shared/reward-codes";
import { type ApiSchema, allValuesOf } from "./api-types";

export type LocalizedText = ApiSchema<"LocalizedText">;

/** A reward offer as the back office sees it: who earned it, for which sale, and how delivery goes. */
export type AdminOffer = ApiSchema<"AdminOffer">;
export type OfferStatus = AdminOffer["status"];
/** The catalog item as it was when the referrer chose it: later catalog edits do not change it. */
export type OfferItem = ApiSchema<"OfferedItem">;
export type RewardKind = OfferItem["kind"];

// The lists come from src/shared; allValuesOf checks them against the API's own enums.
export const rewardKinds = allValuesOf<RewardKind>()([...sharedRewardKinds]);
export const offerStatuses = allValuesOf<OfferStatus>()([...rewardOfferStatuses]);
