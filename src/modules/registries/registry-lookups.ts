// What the automatic referral checks ask the registries: is this company a customer, a partner's
// customer, or already in the sales pipeline? Matched by CNPJ root first, then domain, then name.
import { and, type Column, eq, or, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { registryCustomers, registryPartnerCustomers, registryPipeline } from "./schema.js";

export type CompanyLookupKeys = {
  cnpjRoot: string | null;
  domain: string | null;
  nameNormalized: string;
  email: string;
};

type KeyColumns = { cnpjRoot: Column; domain: Column };

function anyKey(columns: KeyColumns, keys: CompanyLookupKeys, extra: (SQL | undefined)[] = []) {
  return or(
    keys.cnpjRoot ? eq(columns.cnpjRoot, keys.cnpjRoot) : undefined,
    keys.domain ? eq(columns.domain, keys.domain) : undefined,
    ...extra,
  );
}

export async function findCustomerMatch(db: Db, scope: OrganizationScope, keys: CompanyLookupKeys) {
  const [row] = await db
    .select()
    .from(registryCustomers)
    .where(
      and(
        eq(registryCustomers.organizationId, scope.organizationId),
        anyKey(registryCustomers, keys, [
          keys.nameNormalized ? eq(registryCustomers.nameNormalized, keys.nameNormalized) : undefined,
        ]),
      ),
    )
    // An active row wins over a churned one for the same company.
    .orderBy(registryCustomers.status)
    .limit(1);
  return row ?? null;
}

export async function findPartnerCustomerMatch(db: Db, scope: OrganizationScope, keys: CompanyLookupKeys) {
  const [row] = await db
    .select()
    .from(registryPartnerCustomers)
    .where(
      and(
        eq(registryPartnerCustomers.organizationId, scope.organizationId),
        anyKey(registryPartnerCustomers, keys, [
          keys.nameNormalized ? eq(registryPartnerCustomers.nameNormalized, keys.nameNormalized) : undefined,
        ]),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function findPipelineMatch(db: Db, scope: OrganizationScope, keys: CompanyLookupKeys) {
  const [row] = await db
    .select()
    .from(registryPipeline)
    .where(
      and(
        eq(registryPipeline.organizationId, scope.organizationId),
        anyKey(registryPipeline, keys, [eq(registryPipeline.email, keys.email.toLowerCase())]),
      ),
    )
    .orderBy(registryPipeline.enteredOn)
    .limit(1);
  return row ?? null;
}
