// The statements of one intake batch, each a single round trip whatever the batch size: the rows travel
// as one JSON parameter. Plain SQL text, built once: a batch must not pay for query building per row.
import { referrerUpsertSql } from "../participants/index.js";
import { earlierReferralOfCompanySql } from "./company-match.js";
import type { StoredHolder } from "./intake-decisions.js";
import type { Row, Statement } from "./intake-transaction.js";

/**
 * Takes transaction-scoped advisory locks on every key, in one statement. The keys go in sorted order
 * (the set function yields them in array order) so two batches sharing keys cannot deadlock.
 */
export function lockKeysStatement(keys: string[]): Statement {
  const sorted = [...new Set(keys)].sort();
  return {
    text: "select pg_advisory_xact_lock(hashtextextended(k, 0)) from jsonb_array_elements_text($1::jsonb) as k",
    values: [JSON.stringify(sorted)],
  };
}

export type StateQuery = {
  /** Position in the batch. */
  n: number;
  program_id: string;
  email: string;
  ip: string | null;
  /** Today in the program's time zone (YYYY-MM-DD): daily limits count from its start, as people do. */
  today: string;
  time_zone: string;
  cnpj_root: string | null;
  corporate_domain: string | null;
  name_normalized: string;
};

export type StoredCandidateState = {
  referralsTodayByReferrer: number;
  referralsTodayByIp: number;
  holder: StoredHolder | null;
};

const readStateSql = `
select c.n,
  (select count(*)::int from participant_directory p
    join referrals r on r.participant_id = p.id and r.created_at >= c.since
    where p.program_id = c.program_id and p.email = c.email) as by_referrer,
  (select count(*)::int from referrals r
    where c.ip is not null and r.submitted_ip = c.ip and r.program_id = c.program_id
      and r.created_at >= c.since) as by_ip,
  h.holder_id, h.holder_is_duplicate
from (
  select x.*, (x.today::timestamp at time zone x.time_zone) as since
  from jsonb_to_recordset($1::jsonb) as x(n int, program_id uuid, email text, ip inet, today date,
    time_zone text, cnpj_root text, corporate_domain text, name_normalized text)
) c
left join lateral ${earlierReferralOfCompanySql} h on true
order by c.n`;

/**
 * Run after the lock statement: its snapshot must include every commit made before the locks were held.
 * Never prepared: planned while `referrals` is nearly empty, its look-ups pick an index on the program
 * alone, and a prepared plan would keep scanning every referral of the program as the table grows
 * (measured: PostgreSQL's CPU per submission went up fivefold within a 10 s benchmark).
 */
export function readStateStatement(queries: StateQuery[]): Statement {
  return { text: readStateSql, values: [JSON.stringify(queries)], prepare: false };
}

export function storedStateOfRows(rows: Row[]): StoredCandidateState[] {
  return rows.map((row) => ({
    referralsTodayByReferrer: Number(row.by_referrer),
    referralsTodayByIp: Number(row.by_ip),
    holder: row.holder_id
      ? { id: String(row.holder_id), isDuplicate: Boolean(row.holder_is_duplicate) }
      : null,
  }));
}

/** One accepted referral with everything decided; snake_case as the JSON parameter carries it. */
export type AcceptedReferralRow = {
  /** Position in the batch. */
  pos: number;
  id: string;
  organization_id: string;
  program_id: string;
  email: string;
  referrer_name: string;
  referrer_phone: string;
  birth_date: string | null;
  is_customer: boolean;
  locale: string;
  company_name: string;
  company_name_normalized: string;
  company_cnpj: string | null;
  company_cnpj_root: string | null;
  contact_corporate_domain: string | null;
  contact_name: string;
  contact_role: string;
  contact_department: string;
  contact_email: string;
  contact_phone: string;
  company_size: string;
  support_agents: number | null;
  notes: string | null;
  duplicate_of_id: string | null;
  ip: string | null;
  user_agent: string | null;
  terms_version: string;
};

export type AuditRow = {
  organization_id: string;
  program_id: string;
  action: string;
  ip: string | null;
  user_agent: string | null;
};

// The referrers are the participants module's write (its referrerUpsertSql, which never changes an
// existing one); each referral keeps the referrer's name and phone as submitted. created_at follows
// batch order (a microsecond apart), so "earliest" still means "submitted first".
const writeSql = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as i(pos int, id uuid, organization_id uuid,
    program_id uuid, email text, referrer_name text, referrer_phone text, birth_date date,
    is_customer boolean, locale text, company_name text, company_name_normalized text, company_cnpj text,
    company_cnpj_root text, contact_corporate_domain text, contact_name text, contact_role text,
    contact_department text, contact_email text, contact_phone text, company_size text,
    support_agents int, notes text, duplicate_of_id uuid, ip inet,
    user_agent text, terms_version text)
),
referrer as (${referrerUpsertSql("input")}
),
referral as (
  insert into referrals (id, organization_id, program_id, participant_id, company_name,
    company_name_normalized, company_cnpj, company_cnpj_root, contact_corporate_domain, contact_name,
    contact_role, contact_department, contact_email, contact_phone, company_size, support_agents, notes,
    referrer_is_customer, referrer_name, referrer_phone, duplicate_of_id, submitted_ip, created_at,
    updated_at)
  select i.id, i.organization_id, i.program_id, p.id, i.company_name, i.company_name_normalized,
    i.company_cnpj, i.company_cnpj_root, i.contact_corporate_domain, i.contact_name, i.contact_role,
    i.contact_department::contact_department, i.contact_email, i.contact_phone,
    i.company_size::company_size, i.support_agents, i.notes, i.is_customer, i.referrer_name,
    i.referrer_phone, i.duplicate_of_id, i.ip, now() + i.pos * interval '1 microsecond',
    now() + i.pos * interval '1 microsecond'
  from input i join referrer p on p.program_id = i.program_id and p.email = i.email
  returning id, program_id, participant_id
),
event as (
  insert into referral_events (referral_id, program_id, to_status, actor_kind)
  select r.id, r.program_id, 'in_progress', 'system' from referral r
),
consent as (
  insert into consent_records (participant_id, program_id, referral_id, kind, terms_version, ip, user_agent)
  select r.participant_id, r.program_id, r.id, k.kind, i.terms_version, i.ip, i.user_agent
  from referral r join input i on i.id = r.id
  cross join unnest(array['terms', 'contact_aware', 'no_purchased_data']) as k(kind)
),
submitted as (
  insert into audit_log (organization_id, program_id, actor_kind, actor_id, action, subject_type,
    subject_id, ip, user_agent)
  select i.organization_id, r.program_id, 'participant', r.participant_id, 'referral.submitted',
    'referral', r.id::text, i.ip, i.user_agent
  from referral r join input i on i.id = r.id
),
other as (
  insert into audit_log (organization_id, program_id, actor_kind, action, ip, user_agent)
  select a.organization_id, a.program_id, 'anonymous', a.action, a.ip, a.user_agent
  from jsonb_to_recordset($2::jsonb) as a(organization_id uuid, program_id uuid, action text, ip inet,
    user_agent text)
)
select count(*)::int as stored from referral`;

/**
 * Stores the accepted referrals (referrer, referral, its first event, the three declarations, the audit
 * entry) and the anonymous audit entries (honeypot hits) in one statement.
 */
export function writeStatement(referrals: AcceptedReferralRow[], audits: AuditRow[]): Statement {
  return { text: writeSql, values: [JSON.stringify(referrals), JSON.stringify(audits)] };
}

export function throwUnlessAllStored(rows: Row[], expected: number) {
  const stored = Number(rows[0]?.stored ?? 0);
  if (stored !== expected) throw new Error(`intake batch stored ${stored} of ${expected} referrals`);
}
