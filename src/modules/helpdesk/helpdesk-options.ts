// GET /api/admin/helpdesk/options – what the workspace's filters and selects offer: the organization's
// programs with their contact reasons, and the agents a ticket can be assigned to.
import { z } from "zod";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { ZLocalizedText } from "../../shared/localized-text.js";
import { staffRoles } from "../../shared/permissions.js";
import { listProgramContactReasons } from "../programs/index.js";
import { listActiveStaff } from "../staff/index.js";

export const ZContactReasonOption = z
  .object({ code: z.string(), label: ZLocalizedText })
  .meta({ id: "ContactReason" });

export const ZHelpdeskOptions = z.object({
  programs: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      contactReasons: z.array(ZContactReasonOption),
    }),
  ),
  agents: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(staffRoles) })),
});

export async function helpdeskOptions(db: Db, scope: OrganizationScope) {
  const [programs, agents] = await Promise.all([
    listProgramContactReasons(db, scope),
    listActiveStaff(db, scope, "helpdesk.work"),
  ]);
  return { programs, agents: agents.map(({ id, name, role }) => ({ id, name, role })) };
}
