export { createProgramFromTemplate } from "./create-program.js";
export {
  getOrganizationOrThrow,
  getProgramBySlugOrThrow,
  isProgramRunning,
  listOrganizationPrograms,
  listRunningPrograms,
} from "./program-queries.js";
export { programRoutes } from "./routes.js";
export { type Organization, organizations, type Program, programs, type TLocalizedText } from "./schema.js";
export { deskManagerRewardItems } from "./templates/desk-manager.js";
