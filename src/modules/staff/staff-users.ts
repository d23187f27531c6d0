import { and, asc, eq } from "drizzle-orm";
import { hashPassword } from "../../platform/crypto/passwords.js";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { Conflict, NotFound } from "../../platform/http/errors.js";
import { normalizeEmail } from "../../shared/email.js";
import { type StaffRole, type StaffUser, staffUsers } from "./schema.js";

export function publicStaffUser(user: StaffUser) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    locale: user.locale,
  };
}

export async function createStaffUser(
  db: Db,
  scope: OrganizationScope,
  input: { email: string; name: string; role: StaffRole; password: string },
): Promise<StaffUser> {
  const [user] = await db
    .insert(staffUsers)
    .values({
      organizationId: scope.organizationId,
      email: normalizeEmail(input.email),
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    })
    .onConflictDoNothing()
    .returning();
  if (!user) throw new Conflict("staff_email_taken", `A staff account for ${input.email} already exists.`);
  return user;
}

export async function setStaffPassword(
  db: Db,
  scope: OrganizationScope,
  staffUserId: string,
  password: string,
) {
  await db
    .update(staffUsers)
    .set({ passwordHash: await hashPassword(password) })
    .where(and(eq(staffUsers.id, staffUserId), eq(staffUsers.organizationId, scope.organizationId)));
}

export async function getStaffUserOrThrow(
  db: Db,
  scope: OrganizationScope,
  staffUserId: string,
): Promise<StaffUser> {
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.id, staffUserId), eq(staffUsers.organizationId, scope.organizationId)));
  if (!user) throw new NotFound("staff_not_found", "Staff user not found.");
  return user;
}

export async function findStaffUserByEmail(db: Db, scope: OrganizationScope, email: string) {
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(
      and(eq(staffUsers.email, normalizeEmail(email)), eq(staffUsers.organizationId, scope.organizationId)),
    );
  return user ?? null;
}

export async function listStaffUsers(db: Db, scope: OrganizationScope) {
  return db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.organizationId, scope.organizationId))
    .orderBy(asc(staffUsers.name));
}
