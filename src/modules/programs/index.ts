export { createProgramFromTemplate } from "./create-program.js";
export {
  getOrganizationOrThrow,
  getOrganizationProgramOrThrow,
  getProgramBySlugOrThrow,
  isProgramRunning,
  listOrganizationPrograms,
  listRunningPrograms,
  resolveOrganizationProgramId,
} from "./program-queries.js";
export {
  type Organization,
  organizations,
  type Program,
  programs,
  type TProgramRules,
  ZProgramRules,
} from "./schema.js";
export { deskManagerRewardItems } from "./templates/desk-manager.js";
