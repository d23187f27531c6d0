// The participants module's write model for the intake batch (ARCHITECTURE.md "One owner per table"):
// the SQL that inserts the new referrers of many submissions at once and finds the existing ones, which
// the referrals module composes into its one-statement intake write (one round trip a batch:
// bench/RESULTS.md). The rule for what a submission does to an existing referrer lives here, with the
// table it writes.
//
// An anonymous form proves nothing about who typed it (issue: anonymous intake rewrites a referrer), so
// it never changes an existing referrer: not their name or phone (where WhatsApp reward offers go), not
// a referrer who left (they come back by following the link e-mailed to the address, sign-in-links.ts).
// Their profile changes only through the signed-in portal; each referral keeps the name and phone as
// submitted, for sales to see.

/**
 * A data-modifying CTE body: from the relation `input` (one row per submission, with pos, organization_id,
 * program_id, email, referrer_name, referrer_phone, birth_date, is_customer, locale), the referrers
 * inserted or found, returning (id, program_id, email).
 *
 * Each e-mail is taken once (a second row for it would make ON CONFLICT fail): a new referrer is made of
 * their first submission, as one at a time would leave them. On conflict the row is left as it is: the
 * update writes back its own `updated_at` only so that RETURNING names the existing row, even one
 * another transaction committed after this statement's snapshot (a plain DO NOTHING would return nothing
 * for it, and a second SELECT could not see it).
 */
export function referrerUpsertSql(input: string): string {
  return `
  insert into participants (organization_id, program_id, email, name, phone, birth_date, is_customer, locale)
  select distinct on (i.program_id, i.email) i.organization_id, i.program_id, i.email, i.referrer_name,
    i.referrer_phone, i.birth_date, i.is_customer, i.locale
  from ${input} i
  order by i.program_id, i.email, i.pos
  -- A helpdesk contact who refers becomes a referrer (the accepted terms are the basis from then on);
  -- nothing else of an existing participant changes.
  on conflict (program_id, email) do update set kind = 'referrer', legal_basis = null,
    updated_at = participants.updated_at
  returning id, program_id, email`;
}
