// What GET /api/admin/session answers: the signed-in member with their organization, programs and
// permissions, or `{"user": null}` to a visitor with no session (a signed-out visit is no error: the
// web app checks it on every load, and a 401 there would be logged in every browser's console).
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { STAFF_COOKIE } from "../../platform/http/access.js";
import { csrfTokenFor } from "../../platform/http/auth-guard.js";
import { permissions, permissionsOf, staffRoles } from "../../shared/permissions.js";
import { getOrganizationOrThrow, listOrganizationPrograms } from "../programs/index.js";
import { resolveStaffSession } from "./staff-sessions.js";
import { getStaffUserOrThrow, publicStaffUser } from "./staff-users.js";

export const ZStaffUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(staffRoles),
    organizationId: z.string(),
    locale: z.string(),
  })
  .meta({ id: "StaffUser" });

export const ZAdminSession = z
  .object({
    user: ZStaffUser,
    organization: z.object({ id: z.string(), name: z.string() }),
    programs: z.array(
      z.object({
        id: z.string(),
        slug: z.string(),
        name: z.string(),
        timeZone: z.string().describe("IANA time zone the program's dates are shown in."),
      }),
    ),
    // src/shared/permissions.ts
    permissions: z
      .array(z.enum(permissions))
      .describe("What the signed-in member may do: pages and buttons show by these, never by role."),
    csrfToken: z.string(),
    devMailbox: z.boolean().describe("True only when the server runs the development mailbox."),
  })
  .meta({ id: "AdminSession" });

export const ZNoAdminSession = z
  .object({ user: z.null().describe("Nobody is signed in (no session cookie, or one that ended).") })
  .meta({ id: "NoAdminSession" });

/** The session the staff cookie names, or null when there is none or it ended. */
export async function staffFromCookie(
  ctx: AppContext,
  cookies: Record<string, string | undefined>,
): Promise<StaffPrincipal | null> {
  const token = cookies[STAFF_COOKIE];
  return token ? resolveStaffSession(ctx.db, token) : null;
}

export async function adminSessionOf(
  ctx: AppContext,
  staff: StaffPrincipal,
): Promise<z.infer<typeof ZAdminSession>> {
  const scope = { organizationId: staff.organizationId };
  const [user, organization, programs] = await Promise.all([
    getStaffUserOrThrow(ctx.db, scope, staff.staffUserId),
    getOrganizationOrThrow(ctx.db, scope),
    listOrganizationPrograms(ctx.db, scope),
  ]);
  return {
    user: publicStaffUser(user),
    organization: { id: organization.id, name: organization.name },
    programs,
    permissions: [...permissionsOf(user.role)],
    csrfToken: csrfTokenFor(ctx.secret, staff.sessionId),
    devMailbox: !ctx.config.isProduction && ctx.transport.kind === "development",
  };
}
