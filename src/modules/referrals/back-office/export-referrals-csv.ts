// GET /api/admin/referrals/export.csv – the filtered list as CSV, streamed page by page so memory does
// not grow with the number of referrals. `;`-separated with a BOM: what spreadsheet apps in Brazil open.
// Headers, statuses and reasons in the reader's language; times in each referral's program's time zone,
// written as the pages write them ("03/12/2026 18:28" / "3 Dec 2026, 18:28").
import { Readable } from "node:stream";
import type { Db } from "../../../platform/db/client.js";
import type { OrganizationScope } from "../../../platform/db/tenant.js";
import type { Locale } from "../../../platform/i18n/locale.js";
import { formatDateTime } from "../../../shared/date-format.js";
import { listOrganizationPrograms } from "../../programs/index.js";
import { reasonLabel, statusLabel } from "../status-words.js";
import type { TAdminReferralSummary, TReferralFilters } from "./admin-schemas.js";
import { listReferrals } from "./list-referrals.js";

const PAGE_SIZE = 500;

type Column = [header: Record<Locale, string>, value: (r: TAdminReferralSummary, read: Reader) => string];
type Reader = { locale: Locale; time: (r: TAdminReferralSummary, iso: string) => string };

const columns: Column[] = [
  [{ "pt-BR": "ID", en: "ID" }, (r) => r.id],
  [{ "pt-BR": "Criada em", en: "Created" }, (r, read) => read.time(r, r.createdAt)],
  [{ "pt-BR": "Status", en: "Status" }, (r, read) => statusLabel(r.status, read.locale).label],
  [
    { "pt-BR": "Motivo", en: "Reason" },
    (r, read) => (r.reason ? reasonLabel(r.reason, read.locale).label : ""),
  ],
  [{ "pt-BR": "Empresa", en: "Company" }, (r) => r.companyName],
  [{ "pt-BR": "CNPJ", en: "CNPJ" }, (r) => r.companyCnpj ?? ""],
  [{ "pt-BR": "Contato", en: "Contact" }, (r) => r.contactName],
  [{ "pt-BR": "E-mail do contato", en: "Contact e-mail" }, (r) => r.contactEmail],
  [{ "pt-BR": "Indicador", en: "Referrer" }, (r) => r.referrer.name],
  [{ "pt-BR": "E-mail do indicador", en: "Referrer e-mail" }, (r) => r.referrer.email],
  [{ "pt-BR": "Responsável", en: "Assignee" }, (r) => r.assignee?.name ?? ""],
  [{ "pt-BR": "Atualizada em", en: "Updated" }, (r, read) => read.time(r, r.updatedAt)],
];

/** Quotes a field, and defuses formulas (a cell starting with = + - @ runs in spreadsheet apps). */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (fields: string[]) => `${fields.map(csvField).join(";")}\r\n`;

async function readerFor(db: Db, scope: OrganizationScope, locale: Locale): Promise<Reader> {
  const timeZones = new Map(
    (await listOrganizationPrograms(db, scope)).map((program) => [program.id, program.timeZone]),
  );
  return {
    locale,
    time: (r, iso) => formatDateTime(iso, locale, timeZones.get(r.programId) ?? "America/Sao_Paulo"),
  };
}

export function exportReferralsCsv(
  db: Db,
  scope: OrganizationScope,
  filters: TReferralFilters,
  locale: Locale,
): Readable {
  async function* lines() {
    const read = await readerFor(db, scope, locale);
    yield `\uFEFF${csvLine(columns.map(([header]) => header[locale]))}`;
    let cursor: string | undefined;
    do {
      const page = await listReferrals(db, scope, { ...filters, limit: PAGE_SIZE, cursor });
      if (page.items.length > 0)
        yield page.items.map((r) => csvLine(columns.map(([, value]) => value(r, read)))).join("");
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return Readable.from(lines());
}
