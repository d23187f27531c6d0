import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { type Program, programs, supportMaterials } from "./schema.js";
import {
  deskManagerContactReasons,
  deskManagerProgram,
  deskManagerRules,
  deskManagerSupportMaterials,
} from "./templates/desk-manager.js";

/** Creates a program from the default template (the seed policy), with its support materials. */
export async function createProgramFromTemplate(
  tx: Db,
  scope: OrganizationScope,
  overrides: { slug?: string; name?: string } = {},
): Promise<Program> {
  const [program] = await tx
    .insert(programs)
    .values({
      ...deskManagerProgram,
      ...overrides,
      organizationId: scope.organizationId,
      contactReasons: deskManagerContactReasons,
      rules: deskManagerRules,
    })
    .returning();
  if (!program) throw new Error("program insert returned nothing");
  await tx.insert(supportMaterials).values(
    deskManagerSupportMaterials.map((material, position) => ({
      ...material,
      programId: program.id,
      position,
    })),
  );
  return program;
}
