// GET /api/admin/referrals/export.csv – the filtered list as CSV, streamed page by page so memory does
// not grow with the number of referrals. `;`-separated with a BOM: what spreadsheet apps in Brazil open.
import { Readable } from "node:stream";
import type { Db } from "../../../platform/db/client.js";
import type { OrganizationScope } from "../../../platform/db/tenant.js";
import { reasonLabel, statusLabel } from "../status-words.js";
import type { TAdminReferralSummary, TReferralFilters } from "./admin-schemas.js";
import { listReferrals } from "./list-referrals.js";

const PAGE_SIZE = 500;

const columns: [header: string, value: (r: TAdminReferralSummary) => string][] = [
  ["ID", (r) => r.id],
  ["Criada em", (r) => r.createdAt],
  ["Status", (r) => statusLabel(r.status, "pt-BR").label],
  ["Motivo", (r) => (r.reason ? reasonLabel(r.reason, "pt-BR").label : "")],
  ["Empresa", (r) => r.companyName],
  ["CNPJ", (r) => r.companyCnpj ?? ""],
  ["Contato", (r) => r.contactName],
  ["E-mail do contato", (r) => r.contactEmail],
  ["Indicador", (r) => r.referrer.name],
  ["E-mail do indicador", (r) => r.referrer.email],
  ["Responsável", (r) => r.assignee?.name ?? ""],
  ["Atualizada em", (r) => r.updatedAt],
];

/** Quotes a field, and defuses formulas (a cell starting with = + - @ runs in spreadsheet apps). */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (fields: string[]) => `${fields.map(csvField).join(";")}\r\n`;

export function exportReferralsCsv(db: Db, scope: OrganizationScope, filters: TReferralFilters): Readable {
  async function* lines() {
    yield `\uFEFF${csvLine(columns.map(([header]) => header))}`;
    let cursor: string | undefined;
    do {
      const page = await listReferrals(db, scope, { ...filters, limit: PAGE_SIZE, cursor });
      if (page.items.length > 0)
        yield page.items.map((r) => csvLine(columns.map(([, value]) => value(r)))).join("");
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return Readable.from(lines());
}
