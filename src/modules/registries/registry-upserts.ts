// One INSERT … ON CONFLICT DO UPDATE per batch, on the (organization_id, entry_key) unique index. The
// batch travels as a single JSON parameter unpacked by jsonb_to_recordset: with one bound parameter per
// value, building and binding 500 × 9 parameters cost four times the insert itself (measured).
// Identity columns keep what an earlier import knew when a later file leaves them blank (a status-only
// file must not erase the domain intake matches on); state columns (status, dates) take the file's.
import { type SQLChunk, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client.js";
import { rowsOf } from "../../platform/db/raw-sql.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import type { CustomerRow, PartnerCustomerRow, PipelineRow } from "./registry-rows.js";
import { registryCustomers, registryPartnerCustomers, registryPipeline } from "./schema.js";

type RegistryTable = PgTable & { organizationId: PgColumn; entryKey: PgColumn; updatedAt: PgColumn };
/** Where each field of a row goes; `keep`: a blank value leaves the stored one. */
type Columns<Row> = { [Key in keyof Row]-?: { column: PgColumn; keep?: boolean } };

const list = (parts: SQLChunk[]) => sql.join(parts, sql`, `);

/** Upserts rows with distinct entry keys; returns how many were new. */
async function upsertBatch<Row extends { entryKey: string }>(
  tx: Db,
  scope: OrganizationScope,
  table: RegistryTable,
  columns: Columns<Row>,
  rows: Row[],
): Promise<number> {
  const fields = Object.entries(columns) as [keyof Row, { column: PgColumn; keep?: boolean }][];
  const name = (column: PgColumn) => sql.identifier(column.name);
  const records = rows.map((row) =>
    Object.fromEntries(fields.map(([key, { column }]) => [column.name, row[key] ?? null])),
  );
  const updates = fields
    .filter(([, { column }]) => column !== table.entryKey)
    .map(([, { column, keep }]) =>
      keep
        ? sql`${name(column)} = coalesce(excluded.${name(column)}, ${table}.${name(column)})`
        : sql`${name(column)} = excluded.${name(column)}`,
    );
  const result = await tx.execute(sql`
    insert into ${table} (${name(table.organizationId)}, ${list(fields.map(([, { column }]) => name(column)))})
    select ${scope.organizationId}::uuid, ${list(fields.map(([, { column }]) => sql`x.${name(column)}`))}
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
      as x(${list(fields.map(([, { column }]) => sql`${name(column)} ${sql.raw(column.getSQLType())}`))})
    on conflict (${name(table.organizationId)}, ${name(table.entryKey)}) do update
      set ${list(updates)}, ${name(table.updatedAt)} = now()
    returning (xmax = 0) as is_inserted`);
  // xmax is 0 on a row version this statement created, set on one it updated: new vs existing entry.
  return rowsOf<{ is_inserted: boolean }>(result).filter((row) => row.is_inserted).length;
}

const customerColumns: Columns<CustomerRow> = {
  entryKey: { column: registryCustomers.entryKey },
  cnpj: { column: registryCustomers.cnpj, keep: true },
  cnpjRoot: { column: registryCustomers.cnpjRoot, keep: true },
  domain: { column: registryCustomers.domain, keep: true },
  name: { column: registryCustomers.name, keep: true },
  nameNormalized: { column: registryCustomers.nameNormalized, keep: true },
  status: { column: registryCustomers.status },
  churnedOn: { column: registryCustomers.churnedOn },
};

const pipelineColumns: Columns<PipelineRow> = {
  entryKey: { column: registryPipeline.entryKey },
  cnpj: { column: registryPipeline.cnpj, keep: true },
  cnpjRoot: { column: registryPipeline.cnpjRoot, keep: true },
  domain: { column: registryPipeline.domain, keep: true },
  email: { column: registryPipeline.email, keep: true },
  enteredOn: { column: registryPipeline.enteredOn },
};

const partnerCustomerColumns: Columns<PartnerCustomerRow> = {
  entryKey: { column: registryPartnerCustomers.entryKey },
  cnpj: { column: registryPartnerCustomers.cnpj, keep: true },
  cnpjRoot: { column: registryPartnerCustomers.cnpjRoot, keep: true },
  domain: { column: registryPartnerCustomers.domain, keep: true },
  name: { column: registryPartnerCustomers.name, keep: true },
  nameNormalized: { column: registryPartnerCustomers.nameNormalized, keep: true },
};

export function upsertCustomers(tx: Db, scope: OrganizationScope, rows: CustomerRow[]) {
  return upsertBatch(tx, scope, registryCustomers, customerColumns, rows);
}

export function upsertPipeline(tx: Db, scope: OrganizationScope, rows: PipelineRow[]) {
  return upsertBatch(tx, scope, registryPipeline, pipelineColumns, rows);
}

export function upsertPartnerCustomers(tx: Db, scope: OrganizationScope, rows: PartnerCustomerRow[]) {
  return upsertBatch(tx, scope, registryPartnerCustomers, partnerCustomerColumns, rows);
}
