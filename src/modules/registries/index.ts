export {
  type ImportOptions,
  type ImportReport,
  importRegistry,
  type RegistryInput,
  type RegistryRowError,
} from "./import-registry.js";
export { isRegistryKind, type RegistryKind, registryKinds } from "./registry-columns.js";
export {
  type CustomerMatch,
  findCustomerMatch,
  findPartnerCustomerMatch,
  findPipelineMatch,
  type PartnerCustomerMatch,
  type PipelineMatch,
  type RegistryCounts,
  type RegistryMatchKeys,
  registryCounts,
} from "./registry-lookups.js";
export { renormalizeRegistryCompanyNames } from "./renormalize-names.js";
