// The documented backfill after the company match key changed (issue: look-alike names; README
// "Upgrading"): recomputes `company_name_normalized` of every stored referral with the current
// normalizeCompanyName, so an old referral and a new look-alike one meet on the same key. Safe to run
// while serving and to run again: the key depends on the stored name alone.
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { rowsOf } from "../../platform/db/raw-sql.js";
import { normalizeCompanyName } from "../../shared/company-name.js";

const BATCH_SIZE = 2_000;

/** Walks the referrals in id order, a batch per statement pair; returns how many keys changed. */
export async function renormalizeReferralCompanyNames(db: Db): Promise<number> {
  let changed = 0;
  for (let after = "00000000-0000-0000-0000-000000000000"; ; ) {
    const rows = rowsOf<{ id: string; name: string; key: string }>(
      await db.execute(sql`select id, company_name as name, company_name_normalized as key from referrals
        where id > ${after}::uuid order by id limit ${BATCH_SIZE}`),
    );
    if (rows.length === 0) return changed;
    after = rows.at(-1)!.id;
    const updates = rows
      .map((row) => ({ id: row.id, key: normalizeCompanyName(row.name) }))
      .filter((update, i) => update.key !== rows[i]!.key);
    if (updates.length === 0) continue;
    await db.execute(sql`update referrals r set company_name_normalized = u.key
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(id uuid, key text) where r.id = u.id`);
    changed += updates.length;
  }
}
