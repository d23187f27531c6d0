// The participants module's write model for the intake batch (ARCHITECTURE.md "One owner per table"):
// the SQL that inserts or updates the referrers of many submissions at once, which the referrals module
// composes into its one-statement intake write (one round trip a batch: bench/RESULTS.md). The rule for
// what a submission does to an existing referrer lives here, with the table it writes.

/**
 * A data-modifying CTE body: from the relation `input` (one row per submission, with pos, organization_id,
 * program_id, email, referrer_name, referrer_phone, birth_date, is_customer, locale), the referrers
 * inserted or updated, returning (id, program_id, email).
 *
 * Each e-mail is taken once (a second row for it would make ON CONFLICT fail): the first submission's
 * insert-only fields, the last one's name and phone, as one at a time would leave them.
 */
export function referrerUpsertSql(input: string): string {
  return `
  insert into participants (organization_id, program_id, email, name, phone, birth_date, is_customer, locale)
  select distinct on (i.program_id, i.email) i.organization_id, i.program_id, i.email, last.referrer_name,
    last.referrer_phone, i.birth_date, i.is_customer, i.locale
  from ${input} i
  cross join lateral (
    select j.referrer_name, j.referrer_phone from ${input} j
    where j.program_id = i.program_id and j.email = i.email order by j.pos desc limit 1
  ) last
  order by i.program_id, i.email, i.pos
  -- A referrer who had left and refers again, accepting the terms anew, is back in the program. A
  -- helpdesk contact who refers becomes a referrer: the accepted terms are the basis from then on.
  on conflict (program_id, email) do update set name = excluded.name, phone = excluded.phone,
    status = 'active', left_at = null, kind = 'referrer', legal_basis = null, updated_at = now()
  returning id, program_id, email`;
}
