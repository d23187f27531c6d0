// The columns a registry file may have. Headers are matched without regard to case, accents, spaces or
// hyphens, in English or pt-BR, because operators export these files from whatever CRM or spreadsheet
// they use ("Domínio", "DATA_ENTRADA", "e-mail").
export const registryKinds = ["customers", "pipeline", "partner-customers"] as const;
export type RegistryKind = (typeof registryKinds)[number];

export function isRegistryKind(value: string): value is RegistryKind {
  return (registryKinds as readonly string[]).includes(value);
}

export type RegistryColumn = "cnpj" | "domain" | "name" | "status" | "churnedOn" | "email" | "enteredOn";

const columnsByHeader: Record<string, RegistryColumn> = {
  cnpj: "cnpj",
  dominio: "domain",
  domain: "domain",
  nome: "name",
  name: "name",
  razao_social: "name",
  status: "status",
  data_cancelamento: "churnedOn",
  churned_on: "churnedOn",
  email: "email",
  e_mail: "email",
  data_entrada: "enteredOn",
  entered_on: "enteredOn",
};

/** The column a header cell names, or undefined for a column the import ignores. */
export function columnOfHeader(header: string): RegistryColumn | undefined {
  const key = header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return columnsByHeader[key];
}

type KindColumns = {
  /** A row needs at least one of these to say which company it is. */
  identifying: readonly RegistryColumn[];
  /** Every row needs these. */
  required: readonly RegistryColumn[];
  optional: readonly RegistryColumn[];
};

export const kindColumns: Record<RegistryKind, KindColumns> = {
  customers: { identifying: ["cnpj", "domain", "name"], required: ["status"], optional: ["churnedOn"] },
  pipeline: { identifying: ["cnpj", "domain", "email"], required: ["enteredOn"], optional: [] },
  "partner-customers": { identifying: ["cnpj", "domain", "name"], required: [], optional: [] },
};

/** Header names as the help text and error messages show them (pt-BR alias first). */
export const columnHeaderNames: Record<RegistryColumn, string> = {
  cnpj: "cnpj",
  domain: "dominio/domain",
  name: "nome/name",
  status: "status",
  churnedOn: "data_cancelamento/churned_on",
  email: "email",
  enteredOn: "data_entrada/entered_on",
};

/** Why a header line cannot be imported as `kind`, or null when it can. */
export function headerProblem(kind: RegistryKind, headers: readonly string[]): string | null {
  const found = new Set(headers.map(columnOfHeader).filter((column) => column !== undefined));
  const { identifying, required, optional } = kindColumns[kind];
  const accepted = [...identifying, ...required, ...optional].map((c) => columnHeaderNames[c]).join(", ");
  if (found.size === 0) {
    return `The first line must name the columns; none was recognised. Columns for ${kind}: ${accepted}.`;
  }
  if (!identifying.some((column) => found.has(column))) {
    const names = identifying.map((c) => columnHeaderNames[c]).join(", ");
    return `The file needs at least one of the columns ${names}.`;
  }
  const missing = required.filter((column) => !found.has(column));
  if (missing.length > 0) {
    return `The file needs the column ${missing.map((c) => columnHeaderNames[c]).join(", ")}.`;
  }
  return null;
}
