// Who is on the team, as other modules show it: names of assignees and authors, and who may be given
// work. Credentials never leave staff-users.ts and staff-sessions.ts.
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { type Permission, rolesWith } from "../../shared/permissions.js";
import { type StaffRole, staffUsers } from "./schema.js";

export type StaffCard = { id: string; name: string; email: string; role: StaffRole; isActive: boolean };

const cardColumns = {
  id: staffUsers.id,
  name: staffUsers.name,
  email: staffUsers.email,
  role: staffUsers.role,
  disabledAt: staffUsers.disabledAt,
};

function toCard({ disabledAt, ...row }: { disabledAt: Date | null } & Omit<StaffCard, "isActive">) {
  return { ...row, isActive: disabledAt === null };
}

/** The organization's members among `ids` (others' ids are simply absent): one query for a page. */
export async function staffCardsByIds(
  db: Db,
  scope: OrganizationScope,
  ids: (string | null)[],
): Promise<Map<string, StaffCard>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select(cardColumns)
    .from(staffUsers)
    .where(and(eq(staffUsers.organizationId, scope.organizationId), inArray(staffUsers.id, wanted)));
  return new Map(rows.map((row) => [row.id, toCard(row)]));
}

/** Active members holding `permission` (everyone when absent), by name: who can be given the work. */
export async function listActiveStaff(
  db: Db,
  scope: OrganizationScope,
  permission?: Permission,
): Promise<StaffCard[]> {
  const rows = await db
    .select(cardColumns)
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.organizationId, scope.organizationId),
        isNull(staffUsers.disabledAt),
        permission ? inArray(staffUsers.role, rolesWith(permission)) : undefined,
      ),
    )
    .orderBy(asc(staffUsers.name), asc(staffUsers.id));
  return rows.map(toCard);
}

/** Whether `id` is an active member of the organization holding `permission` (can be assigned its work). */
export async function isActiveStaffWith(
  db: Db,
  scope: OrganizationScope,
  id: string,
  permission: Permission,
): Promise<boolean> {
  const card = (await staffCardsByIds(db, scope, [id])).get(id);
  return card?.isActive === true && rolesWith(permission).includes(card.role);
}

export type StaffContact = {
  id: string;
  organizationId: string;
  email: string;
  locale: string;
  role: StaffRole;
};

/**
 * Whom to e-mail about work: the active members of these organizations who hold `permission`, and the
 * active members among `alsoIds` (assignees), by e-mail address.
 */
export async function staffContacts(
  db: Db,
  input: { organizationIds: string[]; permission: Permission; alsoIds?: string[] },
): Promise<StaffContact[]> {
  if (input.organizationIds.length === 0) return [];
  const alsoIds = [...new Set(input.alsoIds ?? [])];
  return db
    .select({
      id: staffUsers.id,
      organizationId: staffUsers.organizationId,
      email: staffUsers.email,
      locale: staffUsers.locale,
      role: staffUsers.role,
    })
    .from(staffUsers)
    .where(
      and(
        inArray(staffUsers.organizationId, [...new Set(input.organizationIds)]),
        isNull(staffUsers.disabledAt),
        or(
          inArray(staffUsers.role, rolesWith(input.permission)),
          ...(alsoIds.length > 0 ? [inArray(staffUsers.id, alsoIds)] : []),
        ),
      ),
    )
    .orderBy(asc(staffUsers.email));
}
