// What the automatic referral checks ask of the registries: is this company a customer, a partner
// program's customer, or already in the sales pipeline? Same-company rules as intake's first-referrer
// rule (DESIGN.md): the CNPJ root decides; the domain and the normalized name decide only when one side
// has no CNPJ, so two companies that merely share a common name are never confused. Each key is served
// by its (organization_id, key) index; the OR of them plans as a bitmap OR of index scans.
import { and, asc, count, desc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { registryCustomers, registryPartnerCustomers, registryPipeline } from "./schema.js";

export type RegistryMatchKeys = {
  cnpjRoot: string | null;
  domain: string | null;
  nameNormalized: string;
  email: string;
};

export type CustomerMatch = typeof registryCustomers.$inferSelect;
export type PartnerCustomerMatch = typeof registryPartnerCustomers.$inferSelect;
export type PipelineMatch = typeof registryPipeline.$inferSelect;

type CompanyColumns = { cnpjRoot: PgColumn; domain: PgColumn; nameNormalized: PgColumn };

/** The match condition and a rank (0 CNPJ root, 1 domain, 2 name) to prefer the strongest match. */
function sameCompany(t: CompanyColumns, keys: RegistryMatchKeys): { where: SQL; rank: SQL } | null {
  const onlyWithoutCnpj = keys.cnpjRoot ? isNull(t.cnpjRoot) : undefined;
  const byRoot = keys.cnpjRoot ? eq(t.cnpjRoot, keys.cnpjRoot) : undefined;
  const byDomain = keys.domain ? and(eq(t.domain, keys.domain), onlyWithoutCnpj) : undefined;
  const byName = keys.nameNormalized
    ? and(eq(t.nameNormalized, keys.nameNormalized), onlyWithoutCnpj)
    : undefined;
  const where = or(byRoot, byDomain, byName);
  if (!where) return null;
  const rank = sql`case when ${byRoot ?? sql`false`} then 0 when ${byDomain ?? sql`false`} then 1 else 2 end`;
  return { where, rank };
}

/** A customer of the organization that is the referred company; an active one before a churned one. */
export async function findCustomerMatch(
  db: Db,
  scope: OrganizationScope,
  keys: RegistryMatchKeys,
): Promise<CustomerMatch | null> {
  const t = registryCustomers;
  const match = sameCompany(t, keys);
  if (!match) return null;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.organizationId, scope.organizationId), match.where))
    .orderBy(match.rank, asc(t.status), desc(t.churnedOn), asc(t.id))
    .limit(1);
  return row ?? null;
}

/** A customer of the partner program that is the referred company. */
export async function findPartnerCustomerMatch(
  db: Db,
  scope: OrganizationScope,
  keys: RegistryMatchKeys,
): Promise<PartnerCustomerMatch | null> {
  const t = registryPartnerCustomers;
  const match = sameCompany(t, keys);
  if (!match) return null;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.organizationId, scope.organizationId), match.where))
    .orderBy(match.rank, asc(t.id))
    .limit(1);
  return row ?? null;
}

/**
 * A pipeline lead for the referred company (CNPJ root or domain, as above) or the very same contact
 * e-mail. The earliest entry is returned: the policy asks whether the lead was in the funnel before the
 * referral was made.
 */
export async function findPipelineMatch(
  db: Db,
  scope: OrganizationScope,
  keys: RegistryMatchKeys,
): Promise<PipelineMatch | null> {
  const t = registryPipeline;
  const onlyWithoutCnpj = keys.cnpjRoot ? isNull(t.cnpjRoot) : undefined;
  const email = keys.email.trim().toLowerCase();
  const where = or(
    keys.cnpjRoot ? eq(t.cnpjRoot, keys.cnpjRoot) : undefined,
    keys.domain ? and(eq(t.domain, keys.domain), onlyWithoutCnpj) : undefined,
    email ? eq(t.email, email) : undefined,
  );
  if (!where) return null;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.organizationId, scope.organizationId), where))
    .orderBy(asc(t.enteredOn), asc(t.id))
    .limit(1);
  return row ?? null;
}

export type RegistryCounts = { customers: number; pipeline: number; partnerCustomers: number };

export async function registryCounts(db: Db, scope: OrganizationScope): Promise<RegistryCounts> {
  const countOf = async (
    t: typeof registryCustomers | typeof registryPipeline | typeof registryPartnerCustomers,
  ) => {
    const [row] = await db.select({ n: count() }).from(t).where(eq(t.organizationId, scope.organizationId));
    return row?.n ?? 0;
  };
  return {
    customers: await countOf(registryCustomers),
    pipeline: await countOf(registryPipeline),
    partnerCustomers: await countOf(registryPartnerCustomers),
  };
}
