// Organizations: the tenants. Found by slug by the CLI commands, created by `create-staff`.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Organization, organizations } from "./schema.js";

export async function findOrganizationBySlug(db: Db, slug: string): Promise<Organization | null> {
  const [organization] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  return organization ?? null;
}

/** The first `limit` organizations by slug (a CLI's "which one do you mean?"). */
export async function listOrganizations(db: Db, limit: number): Promise<Organization[]> {
  return db.select().from(organizations).orderBy(asc(organizations.slug)).limit(limit);
}

/** With one organization on this installation, mail nobody claims is that organization's to review. */
export async function soleOrganizationId(db: Db): Promise<string | null> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

export async function createOrganization(db: Db, input: { slug: string; name: string }) {
  const [organization] = await db.insert(organizations).values(input).returning();
  return organization!;
}

/** The organization with this slug, created now; null when it already existed (seeding runs once). */
export async function createOrganizationIfNew(db: Db, input: { slug: string; name: string }) {
  const [organization] = await db.insert(organizations).values(input).onConflictDoNothing().returning();
  return organization ?? null;
}
