export { createProgramFromTemplate } from "./create-program.js";
export { materialRoutes } from "./material-routes.js";
export {
  getOrganizationOrThrow,
  getOrganizationProgramOrThrow,
  getProgramBySlugOrThrow,
  isProgramRunning,
  listOrganizationPrograms,
  listRunningPrograms,
  resolveOrganizationProgramId,
} from "./program-queries.js";
export { programRoutes } from "./routes.js";
export {
  type Organization,
  organizations,
  type Program,
  programs,
  type TLocalizedText,
  ZLocalizedText,
} from "./schema.js";
export { deskManagerRewardItems } from "./templates/desk-manager.js";
