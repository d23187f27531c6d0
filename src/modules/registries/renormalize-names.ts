// The registries' half of the company-name backfill (referrals/renormalize-company-names.ts says why):
// customer and partner-customer rows match referrals by `name_normalized`, and a row known by its name
// alone is keyed `name:<normalized>` so that importing the file again updates it. Both follow the new
// normalization; a row whose new key another row of the organization already holds keeps its old key
// (re-importing then updates that other row, which matches the same referrals).
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { rowsOf } from "../../platform/db/raw-sql.js";
import { normalizeCompanyName } from "../../shared/company-name.js";

const BATCH_SIZE = 2_000;
type NamedRow = { id: string; organization_id: string; name: string; key: string | null; entry_key: string };
type Update = { id: string; key: string | null; entry_key: string };

export async function renormalizeRegistryCompanyNames(db: Db): Promise<number> {
  return (
    (await renormalizeTable(db, sql`registry_customers`)) +
    (await renormalizeTable(db, sql`registry_partner_customers`))
  );
}

async function renormalizeTable(db: Db, table: ReturnType<typeof sql>): Promise<number> {
  let changed = 0;
  for (let after = "00000000-0000-0000-0000-000000000000"; ; ) {
    const rows = rowsOf<NamedRow>(
      await db.execute(sql`select id, organization_id, name, name_normalized as key, entry_key from ${table}
        where id > ${after}::uuid and name is not null order by id limit ${BATCH_SIZE}`),
    );
    if (rows.length === 0) return changed;
    after = rows.at(-1)!.id;
    const updates = updatesOf(rows);
    if (updates.length === 0) continue;
    await db.execute(sql`update ${table} r set name_normalized = u.key,
        entry_key = case when u.entry_key <> r.entry_key and not exists (
          select 1 from ${table} o where o.organization_id = r.organization_id and o.entry_key = u.entry_key)
          then u.entry_key else r.entry_key end
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(id uuid, key text, entry_key text)
      where r.id = u.id`);
    changed += updates.length;
  }
}

/** The rows whose key changes; of two in one batch that would take the same entry key, the first does. */
function updatesOf(rows: NamedRow[]): Update[] {
  const takenKeys = new Set<string>();
  const updates: Update[] = [];
  for (const row of rows) {
    const key = normalizeCompanyName(row.name) || null;
    if (key === row.key) continue;
    const isNameKeyed = row.key !== null && row.entry_key === `name:${row.key}`;
    const wanted = isNameKeyed && key ? `name:${key}` : row.entry_key;
    const scoped = `${row.organization_id} ${wanted}`;
    const entryKey = wanted !== row.entry_key && !takenKeys.has(scoped) ? wanted : row.entry_key;
    takenKeys.add(scoped);
    updates.push({ id: row.id, key, entry_key: entryKey });
  }
  return updates;
}
