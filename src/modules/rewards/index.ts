export { listAvailableRewardItems } from "./catalog-queries.js";
export { dueMonthAfter, findOfferForSale, offerRewardForSale } from "./reward-offers.js";
export { ZAdminOffer } from "./reward-schemas.js";
export { type RewardItem, type RewardOffer, rewardItems, rewardOffers } from "./schema.js";
