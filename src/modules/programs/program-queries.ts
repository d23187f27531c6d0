import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { NotFound } from "../../platform/http/errors.js";
import { todayIn } from "../../shared/today.js";
import { organizations, type Program, programs } from "./schema.js";

/** Programs are public by slug (landing pages), so this lookup needs no tenant. */
export async function getProgramBySlugOrThrow(db: Db, slug: string): Promise<Program> {
  const [program] = await db.select().from(programs).where(eq(programs.slug, slug));
  if (!program) throw new NotFound("program_not_found", `No program "${slug}".`);
  return program;
}

/** Whether today (in the program's time zone) is within the program's period. */
export function isProgramRunning(program: Program, now = new Date()): boolean {
  const today = todayIn(program.timeZone, now);
  return program.startsOn <= today && (program.endsOn === null || today <= program.endsOn);
}

/** Programs running today, for the public directory (portal sign-in picks one from it). */
export async function listRunningPrograms(db: Db) {
  return db
    .select({ slug: programs.slug, name: programs.name })
    .from(programs)
    .where(
      and(
        lte(programs.startsOn, sql`current_date`),
        or(isNull(programs.endsOn), gte(programs.endsOn, sql`current_date`)),
      ),
    )
    .orderBy(asc(programs.name));
}

export async function listOrganizationPrograms(db: Db, scope: OrganizationScope) {
  return db
    .select({ id: programs.id, slug: programs.slug, name: programs.name, timeZone: programs.timeZone })
    .from(programs)
    .where(eq(programs.organizationId, scope.organizationId))
    .orderBy(asc(programs.name));
}

export async function getOrganizationOrThrow(db: Db, scope: OrganizationScope) {
  const [organization] = await db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, scope.organizationId));
  if (!organization) throw new NotFound("organization_not_found", "Organization not found.");
  return organization;
}

/** A program of the organization; another organization's program is a 404, as if it did not exist. */
export async function getOrganizationProgramOrThrow(
  db: Db,
  scope: OrganizationScope,
  programId: string,
): Promise<Program> {
  const [program] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, scope.organizationId)));
  if (!program) throw new NotFound("program_not_found", "No such program in your organization.");
  return program;
}

/** The program a staff list defaults to: the one asked for, else the organization's oldest. */
export async function resolveOrganizationProgramId(
  db: Db,
  scope: OrganizationScope,
  programId: string | undefined,
): Promise<string> {
  if (programId) return (await getOrganizationProgramOrThrow(db, scope, programId)).id;
  const [first] = await db
    .select({ id: programs.id })
    .from(programs)
    .where(eq(programs.organizationId, scope.organizationId))
    .orderBy(asc(programs.createdAt))
    .limit(1);
  if (!first) throw new NotFound("program_not_found", "Your organization has no program yet.");
  return first.id;
}

/**
 * A program by id, for code that holds an id read from a row of the caller's own tenant (a referral,
 * a ticket, a participant): the row already says whose it is.
 */
export async function getProgramByIdOrThrow(db: Db, programId: string): Promise<Program> {
  const [program] = await db.select().from(programs).where(eq(programs.id, programId));
  if (!program) throw new NotFound("program_not_found", "Program not found.");
  return program;
}

/** Every program, oldest first: jobs that work all tenants (the monthly digest). */
export async function listAllPrograms(db: Db): Promise<Program[]> {
  return db.select().from(programs).orderBy(asc(programs.createdAt));
}

/** The organization's programs with the time zone their dates are counted in, oldest first. */
export async function listProgramTimeZones(db: Db, scope: OrganizationScope, programId?: string) {
  return db
    .select({ id: programs.id, timeZone: programs.timeZone })
    .from(programs)
    .where(
      and(
        eq(programs.organizationId, scope.organizationId),
        programId ? eq(programs.id, programId) : undefined,
      ),
    )
    .orderBy(asc(programs.createdAt));
}

/** Names by id, for texts that mention programs (e-mails, cards): one query for a page of rows. */
export async function programNamesByIds(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: programs.id, name: programs.name })
    .from(programs)
    .where(inArray(programs.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The organizations that run programs with these slugs (inbound mail names its program by slug). */
export async function organizationIdsOfProgramSlugs(db: Db, slugs: string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .selectDistinct({ organizationId: programs.organizationId })
    .from(programs)
    .where(inArray(programs.slug, slugs));
  return rows.map((row) => row.organizationId);
}

/** The organization's programs with the helpdesk contact reasons each offers, by name. */
export async function listProgramContactReasons(db: Db, scope: OrganizationScope) {
  return db
    .select({ id: programs.id, name: programs.name, contactReasons: programs.contactReasons })
    .from(programs)
    .where(eq(programs.organizationId, scope.organizationId))
    .orderBy(asc(programs.name));
}
