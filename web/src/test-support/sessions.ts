import { type Permission, permissionsOf, type StaffRole } from "@shared/permissions";
import type { AdminSession } from "../api/admin-api";

/** A signed-in staff member as GET /api/admin/session answers, with the role's permissions. */
export function staffSession(role: StaffRole = "admin", permissions?: Permission[]): AdminSession {
  return {
    user: { id: "u1", email: "ana@corrente.test", name: "Ana", role, organizationId: "o1", locale: "pt-BR" },
    organization: { id: "o1", name: "Acme" },
    programs: [{ id: "p1", slug: "acme", name: "Acme Indica", timeZone: "America/Sao_Paulo" }],
    csrfToken: "csrf-1",
    permissions: permissions ?? [...permissionsOf(role)],
    devMailbox: false,
  };
}
