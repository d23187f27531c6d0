// First referrer wins (policy: "aquele que receberá o prêmio será o primeiro a realizar a indicação").
//
// Two referrals are the same company when their CNPJ roots match, or, when either has no CNPJ, when the
// contact's corporate e-mail domain or the normalized company name matches (DESIGN.md). A unique index
// cannot say "name counts only without a CNPJ", so the database enforces it with locks instead: before
// looking for an earlier referral, a submission takes a transaction-scoped advisory lock on each of its
// company keys. Any two referrals that could be the same company share a key, so they take turns, and
// the second sees the first once it has committed: the earliest commit keeps the company, across any
// number of server processes. Submissions for unrelated companies never wait on each other.
//
// The look-up runs in a statement that starts after the locks are held: under READ COMMITTED a
// statement's snapshot is taken when it starts, so one that began before a competitor committed
// would not see its referral.

export type CompanyIdentity = {
  cnpjRoot: string | null;
  corporateDomain: string | null;
  nameNormalized: string;
};

/**
 * The advisory-lock keys of a company in a program (hashed with hashtextextended(key, 0) by the lock
 * statement). The key text is shared by every process and version: changing it lets two processes miss
 * each other's locks.
 */
export function companyLockKeys(programId: string, company: CompanyIdentity): string[] {
  const keys = [`referral-company:${programId}:name:${company.nameNormalized}`];
  if (company.cnpjRoot) keys.push(`referral-company:${programId}:cnpj:${company.cnpjRoot}`);
  if (company.corporateDomain) keys.push(`referral-company:${programId}:domain:${company.corporateDomain}`);
  return keys;
}

/** The rule above, for two submissions of one program that meet in the same batch. */
export function isSameCompany(a: CompanyIdentity, b: CompanyIdentity): boolean {
  if (a.cnpjRoot && b.cnpjRoot) return a.cnpjRoot === b.cnpjRoot;
  const sameDomain = a.corporateDomain !== null && a.corporateDomain === b.corporateDomain;
  const sameName = a.nameNormalized !== "" && a.nameNormalized === b.nameNormalized;
  return sameDomain || sameName;
}

/**
 * SQL for a lateral subquery: the referral that holds the company of the outer row `c` (columns
 * program_id, cnpj_root, corporate_domain, name_normalized) in its program, as `holder_id` and
 * `holder_is_duplicate`. `created_at` is when a submission's transaction began, not when it committed:
 * a referral can begin first and still lose. So the holder is the earliest one that is not itself a
 * duplicate. One indexed branch per key (an OR across them would not use the indexes).
 */
export const earlierReferralOfCompanySql = `(
  select m.id as holder_id, m.is_duplicate as holder_is_duplicate
  from (
    (select r.id, r.duplicate_of_id is not null as is_duplicate, r.created_at
      from referrals r
      where r.program_id = c.program_id and r.company_cnpj_root = c.cnpj_root
      order by r.duplicate_of_id is not null, r.created_at, r.id limit 1)
    union all
    (select r.id, r.duplicate_of_id is not null, r.created_at
      from referrals r
      where r.program_id = c.program_id and r.contact_corporate_domain = c.corporate_domain
        and (c.cnpj_root is null or r.company_cnpj_root is null)
      order by r.duplicate_of_id is not null, r.created_at, r.id limit 1)
    union all
    (select r.id, r.duplicate_of_id is not null, r.created_at
      from referrals r
      where r.program_id = c.program_id and r.company_name_normalized = c.name_normalized
        and c.name_normalized <> '' and (c.cnpj_root is null or r.company_cnpj_root is null)
      order by r.duplicate_of_id is not null, r.created_at, r.id limit 1)
  ) m
  order by m.is_duplicate, m.created_at, m.id
  limit 1
)`;
