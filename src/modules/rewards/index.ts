export { listAvailableRewardItems } from "./catalog-queries.js";
export { createRewardOffer, dueMonthAfter, findOfferForSale } from "./reward-offers.js";
export { ZAdminOffer } from "./reward-schemas.js";
export { rewardRoutes } from "./routes.js";
export { type RewardItem, type RewardOffer, rewardItems, rewardOffers } from "./schema.js";
