export { listAvailableRewardItems } from "./catalog-queries.js";
export { addTemplateCatalog } from "./reward-catalog.js";
export {
  dueMonthAfter,
  type EarnedReward,
  findOfferForSale,
  offerRewardForSale,
  recordPastOffer,
} from "./reward-offers.js";
export { ZAdminOffer } from "./reward-schemas.js";
export type { RewardItem, RewardOffer } from "./schema.js";
