// One line of a registry file → the row to store, or the reasons it cannot be stored. A row names its
// company by CNPJ, domain, name (or, in the pipeline, e-mail); its `entryKey` is the strongest of them,
// so importing the same file again finds the same rows.
import { cnpjRoot, isValidCnpj, normalizeCnpj } from "../../shared/cnpj.js";
import { normalizeCompanyName } from "../../shared/company-name.js";
import { corporateDomain } from "../../shared/email.js";
import type { RegistryColumn } from "./registry-columns.js";
import {
  isCompanyDomain,
  normalizeRegistryDomain,
  normalizeRegistryEmail,
  parseCustomerStatus,
  parseRegistryDate,
} from "./registry-fields.js";
import type { registryCustomers, registryPartnerCustomers, registryPipeline } from "./schema.js";

export type RegistryValues = Partial<Record<RegistryColumn, string>>;

export type RowErrorCode =
  | "identifier_required"
  | "cnpj_invalid"
  | "domain_invalid"
  | "email_invalid"
  | "status_required"
  | "status_invalid"
  | "date_required"
  | "date_invalid"
  | "row_unreadable"
  | "value_has_nul";

/** A problem with one field of one row; `field` is the column's canonical header name. */
export type RowProblem = { field: string; code: RowErrorCode; message: string; value?: string };
export type Parsed<Row> = { row: Row } | { problems: RowProblem[] };

type Stored<T extends { $inferInsert: unknown }> = Omit<
  T["$inferInsert"],
  "id" | "organizationId" | "updatedAt"
>;
export type CustomerRow = Stored<typeof registryCustomers> & { entryKey: string };
export type PipelineRow = Stored<typeof registryPipeline> & { entryKey: string };
export type PartnerCustomerRow = Stored<typeof registryPartnerCustomers> & { entryKey: string };

const MAX_NAME_LENGTH = 300;
const shown = (value: string) => (value.length > 80 ? `${value.slice(0, 80)}…` : value);

function text(values: RegistryValues, column: RegistryColumn): string {
  return values[column]?.trim() ?? "";
}

/**
 * A value with a NUL character (U+0000), which PostgreSQL text cannot hold: the row is refused, naming
 * the column, and the rest of the file imports.
 */
function nulProblems(values: RegistryValues): RowProblem[] {
  return (Object.keys(values) as RegistryColumn[])
    .filter((column) => values[column]?.includes("\u0000"))
    .map((column) => ({
      field: column.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
      code: "value_has_nul" as const,
      message: "The value contains a NUL character.",
    }));
}

function parseCnpj(values: RegistryValues, problems: RowProblem[]) {
  const given = text(values, "cnpj");
  if (!given) return { cnpj: null, cnpjRoot: null };
  const cnpj = normalizeCnpj(given);
  if (!cnpj || !isValidCnpj(cnpj)) {
    problems.push({ field: "cnpj", code: "cnpj_invalid", message: "Not a valid CNPJ.", value: shown(given) });
    return { cnpj: null, cnpjRoot: null };
  }
  return { cnpj, cnpjRoot: cnpjRoot(cnpj) };
}

function parseDomain(values: RegistryValues, problems: RowProblem[]): string | null {
  const given = text(values, "domain");
  if (!given) return null;
  const domain = normalizeRegistryDomain(given);
  if (!domain) {
    problems.push({ field: "domain", code: "domain_invalid", message: "Not a domain.", value: shown(given) });
    return null;
  }
  return isCompanyDomain(domain) ? domain : null;
}

function parseName(values: RegistryValues) {
  const name = text(values, "name").slice(0, MAX_NAME_LENGTH);
  return { name: name || null, nameNormalized: name ? normalizeCompanyName(name) || null : null };
}

function parseDate(values: RegistryValues, column: "churnedOn" | "enteredOn", problems: RowProblem[]) {
  const field = column === "churnedOn" ? "churned_on" : "entered_on";
  const given = text(values, column);
  if (!given) {
    problems.push({ field, code: "date_required", message: "A date is required." });
    return null;
  }
  const date = parseRegistryDate(given);
  if (!date) {
    const message = "Not a date (use YYYY-MM-DD or DD/MM/YYYY).";
    problems.push({ field, code: "date_invalid", message, value: shown(given) });
  }
  return date;
}

function entryKeyOf(keys: {
  cnpj: string | null;
  domain: string | null;
  email?: string | null;
  nameNormalized?: string | null;
}) {
  if (keys.cnpj) return keys.cnpj;
  if (keys.domain) return `domain:${keys.domain}`;
  if (keys.email) return `email:${keys.email}`;
  if (keys.nameNormalized) return `name:${keys.nameNormalized}`;
  return null;
}

function missingIdentifier(columns: string): RowProblem {
  return { field: "row", code: "identifier_required", message: `The row needs a ${columns}.` };
}

function companyRow(values: RegistryValues, problems: RowProblem[]) {
  const { cnpj, cnpjRoot } = parseCnpj(values, problems);
  const domain = parseDomain(values, problems);
  const { name, nameNormalized } = parseName(values);
  const entryKey = entryKeyOf({ cnpj, domain, nameNormalized });
  if (!entryKey && problems.length === 0) problems.push(missingIdentifier("CNPJ, company domain or name"));
  return { entryKey, cnpj, cnpjRoot, domain, name, nameNormalized };
}

export function parseCustomerRow(values: RegistryValues): Parsed<CustomerRow> {
  const problems = nulProblems(values);
  if (problems.length > 0) return { problems };
  const { entryKey, ...company } = companyRow(values, problems);
  const givenStatus = text(values, "status");
  const status = givenStatus ? parseCustomerStatus(givenStatus) : null;
  if (!givenStatus)
    problems.push({ field: "status", code: "status_required", message: "A status is required." });
  else if (!status) {
    const message = "Unknown status (use ativo/active or inativo/churned/cancelado).";
    problems.push({ field: "status", code: "status_invalid", message, value: shown(givenStatus) });
  }
  // The cooldown for former customers counts from the churn date (policy: 6 months by default).
  const churnedOn = status === "churned" ? parseDate(values, "churnedOn", problems) : null;
  if (problems.length > 0 || !entryKey || !status) return { problems };
  return { row: { entryKey, ...company, status, churnedOn } };
}

export function parsePartnerCustomerRow(values: RegistryValues): Parsed<PartnerCustomerRow> {
  const problems = nulProblems(values);
  if (problems.length > 0) return { problems };
  const { entryKey, ...company } = companyRow(values, problems);
  if (problems.length > 0 || !entryKey) return { problems };
  return { row: { entryKey, ...company } };
}

export function parsePipelineRow(values: RegistryValues): Parsed<PipelineRow> {
  const problems = nulProblems(values);
  if (problems.length > 0) return { problems };
  const { cnpj, cnpjRoot } = parseCnpj(values, problems);
  const givenEmail = text(values, "email");
  const email = givenEmail ? normalizeRegistryEmail(givenEmail) : null;
  if (givenEmail && !email) {
    problems.push({
      field: "email",
      code: "email_invalid",
      message: "Not an e-mail address.",
      value: shown(givenEmail),
    });
  }
  // With only an e-mail, its company domain (not a personal mailbox's) identifies the lead's company.
  const domain = parseDomain(values, problems) ?? (email ? corporateDomain(email) : null);
  const entryKey = entryKeyOf({ cnpj, domain, email });
  if (!entryKey && problems.length === 0) problems.push(missingIdentifier("CNPJ, company domain or e-mail"));
  const enteredOn = parseDate(values, "enteredOn", problems);
  if (problems.length > 0 || !entryKey || !enteredOn) return { problems };
  return { row: { entryKey, cnpj, cnpjRoot, domain, email, enteredOn } };
}
