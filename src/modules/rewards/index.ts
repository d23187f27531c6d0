export { listAvailableRewardItems } from "./catalog-queries.js";
export { type RewardItem, rewardItems } from "./schema.js";
