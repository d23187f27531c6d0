export { findCustomerMatch, findPartnerCustomerMatch, findPipelineMatch } from "./registry-lookups.js";
export { registryCustomers, registryPartnerCustomers, registryPipeline } from "./schema.js";
