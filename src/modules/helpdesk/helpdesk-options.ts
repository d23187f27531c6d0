// GET /api/admin/helpdesk/options – what the workspace's filters and selects offer: the organization's
// programs with their contact reasons, and the agents a ticket can be assigned to.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
// The schema from its schema file: used at load time, it must not depend on the order of module cycles.
import { ZLocalizedText } from "../../shared/localized-text.js";
import { programs } from "../programs/index.js";
import { staffUsers } from "../staff/index.js";

export const ZContactReasonOption = z.object({ code: z.string(), label: ZLocalizedText });

export const ZHelpdeskOptions = z.object({
  programs: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      contactReasons: z.array(ZContactReasonOption),
    }),
  ),
  agents: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});

export async function helpdeskOptions(db: Db, scope: OrganizationScope) {
  const [programRows, agents] = await Promise.all([
    db
      .select({ id: programs.id, name: programs.name, contactReasons: programs.contactReasons })
      .from(programs)
      .where(eq(programs.organizationId, scope.organizationId))
      .orderBy(asc(programs.name)),
    db
      .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
      .from(staffUsers)
      .where(
        and(
          eq(staffUsers.organizationId, scope.organizationId),
          isNull(staffUsers.disabledAt),
          inArray(staffUsers.role, ["owner", "admin", "support"]),
        ),
      )
      .orderBy(asc(staffUsers.name)),
  ]);
  return { programs: programRows, agents };
}
