// First referrer wins (policy: "aquele que receberá o prêmio será o primeiro a realizar a indicação").
//
// Two referrals are the same company when their CNPJ roots match, or, when either has no CNPJ, when the
// contact's corporate e-mail domain or the normalized company name matches (DESIGN.md). A unique index
// cannot say "name counts only without a CNPJ", so the database enforces it with locks instead: before
// looking for an earlier referral, a submission takes a transaction-scoped advisory lock on each of its
// company keys. Any two referrals that could be the same company share a key, so they take turns, and
// the second sees the first once it has committed: the earliest commit keeps the company, across any
// number of server processes. Submissions for unrelated companies never wait on each other.
import { and, asc, eq, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { referrals } from "./schema.js";

export type CompanyIdentity = {
  cnpjRoot: string | null;
  corporateDomain: string | null;
  nameNormalized: string;
};

function lockKeys(programId: string, company: CompanyIdentity): string[] {
  const keys = [`name:${company.nameNormalized}`];
  if (company.cnpjRoot) keys.push(`cnpj:${company.cnpjRoot}`);
  if (company.corporateDomain) keys.push(`domain:${company.corporateDomain}`);
  // A fixed order, so two submissions sharing several keys cannot deadlock.
  return keys.sort().map((key) => `referral-company:${programId}:${key}`);
}

/**
 * Takes the company's locks until the end of the caller's transaction, in one statement: PostgreSQL
 * evaluates a select list left to right, so the locks are taken in the sorted order.
 */
export async function lockCompany(tx: Db, programId: string, company: CompanyIdentity): Promise<void> {
  const locks = lockKeys(programId, company).map(
    (key) => sql`pg_advisory_xact_lock(hashtextextended(${key}, 0))`,
  );
  await tx.execute(sql`select ${sql.join(locks, sql`, `)}`);
}

/**
 * The referral that holds the company in the program, if any. Call after lockCompany. `created_at` is
 * when a submission's transaction began, not when it committed: a referral can begin first and still
 * lose. So the holder is the earliest one that is not itself a duplicate.
 */
export async function findEarlierReferralOfCompany(
  tx: Db,
  programId: string,
  company: CompanyIdentity,
  excludeReferralId?: string,
): Promise<{ id: string } | null> {
  const sameRoot = company.cnpjRoot ? eq(referrals.companyCnpjRoot, company.cnpjRoot) : undefined;
  const sameDomainOrName = or(
    company.corporateDomain ? eq(referrals.contactCorporateDomain, company.corporateDomain) : undefined,
    company.nameNormalized ? eq(referrals.companyNameNormalized, company.nameNormalized) : undefined,
  );
  // Domain and name decide only when one side has no CNPJ.
  const eitherWithoutCnpj: SQL | undefined = company.cnpjRoot
    ? and(sql`${referrals.companyCnpjRoot} is null`, sameDomainOrName)
    : sameDomainOrName;
  const [earlier] = await tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        eq(referrals.programId, programId),
        excludeReferralId ? ne(referrals.id, excludeReferralId) : undefined,
        or(sameRoot, eitherWithoutCnpj),
      ),
    )
    .orderBy(sql`${referrals.duplicateOfId} is not null`, asc(referrals.createdAt), asc(referrals.id))
    .limit(1);
  return earlier ?? null;
}
