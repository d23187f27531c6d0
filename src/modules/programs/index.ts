// The programs module: organizations (tenants), their programs and support materials.
export { createProgramFromTemplate } from "./create-program.js";
export {
  createOrganization,
  createOrganizationIfNew,
  findOrganizationBySlug,
  listOrganizations,
  soleOrganizationId,
} from "./organization-queries.js";
export {
  getOrganizationOrThrow,
  getOrganizationProgramOrThrow,
  getProgramByIdOrThrow,
  getProgramBySlugOrThrow,
  isProgramRunning,
  listAllPrograms,
  listOrganizationPrograms,
  listProgramContactReasons,
  listProgramTimeZones,
  listRunningPrograms,
  organizationIdsOfProgramSlugs,
  programNamesByIds,
  resolveOrganizationProgramId,
} from "./program-queries.js";
export { ZProgramRules } from "./program-rules.js";
export {
  listProgramsWithVersions,
  programVersionsStatement,
  type VersionedProgram,
} from "./program-versions.js";
export type { Organization, Program, TContactReason, TProgramRules } from "./schema.js";
