// `corrente import KIND FILE [--organization SLUG]`: imports a registry file from the command line,
// streaming it (a file of any size), with a progress line on a terminal and the report at the end.
import { createReadStream, existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { progressLine } from "../../platform/cli/progress-line.js";
import type { Db } from "../../platform/db/client.js";
import { Invalid } from "../../platform/http/errors.js";
import { findOrganizationBySlug, listOrganizations } from "../programs/index.js";
import { type ImportReport, importRegistry } from "./import-registry.js";
import { isRegistryKind, type RegistryKind, registryKinds } from "./registry-columns.js";

class UsageError extends Error {
  override name = "UsageError";
}

export type ImportArgs = { kind: RegistryKind; file: string; organization?: string };

/** Checks the arguments before anything opens the database. */
export function parseImportArgs(args: string[]): ImportArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { organization: { type: "string" } },
  });
  const [kind, file] = positionals;
  const usage = `Usage: corrente import ${registryKinds.join("|")} FILE [--organization SLUG]`;
  if (!kind || !file) throw new UsageError(usage);
  if (!isRegistryKind(kind)) {
    throw new UsageError(`Unknown registry "${kind}"; use one of: ${registryKinds.join(", ")}.\n${usage}`);
  }
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`File not found: ${file}`);
  return { kind, file, organization: values.organization };
}

export async function importCommand(db: Db, args: ImportArgs) {
  const organization = await organizationFor(db, args.organization);
  const input = createReadStream(args.file);
  const size = Math.max(statSync(args.file).size, 1);
  const progress = process.stderr.isTTY
    ? progressLine({ unit: "rows", fraction: () => input.bytesRead / size })
    : undefined;
  const startedAt = performance.now();
  let report: ImportReport;
  try {
    report = await importRegistry(db, { organizationId: organization.id }, args.kind, input, {
      onProgress: progress?.update,
    });
  } catch (error) {
    if (error instanceof Invalid) throw new UsageError(`Cannot import ${args.file}: ${error.message}`);
    throw error;
  } finally {
    progress?.end();
  }
  printReport(report, {
    ...args,
    organization: organization.slug,
    seconds: (performance.now() - startedAt) / 1000,
  });
}

async function organizationFor(db: Db, slug: string | undefined) {
  if (slug) {
    const organization = await findOrganizationBySlug(db, slug);
    if (!organization) throw new UsageError(`No organization "${slug}".`);
    return organization;
  }
  const found = await listOrganizations(db, 21);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new UsageError("There is no organization yet: create one with create-staff.");
  throw new UsageError(
    `Several organizations: pass --organization SLUG (${found.map((o) => o.slug).join(", ")}).`,
  );
}

const number = new Intl.NumberFormat("en-US");

function printReport(
  report: ImportReport,
  about: { kind: RegistryKind; file: string; organization: string; seconds: number },
) {
  const rate = Math.round(report.total / Math.max(about.seconds, 0.001));
  console.log(
    `Imported ${about.kind} from ${about.file} into ${about.organization} in ${about.seconds.toFixed(1)} s ` +
      `(${number.format(rate)} rows/s).`,
  );
  console.log(
    `  inserted ${number.format(report.inserted)}, updated ${number.format(report.updated)}, ` +
      `rejected ${number.format(report.rejected)}, total ${number.format(report.total)}`,
  );
  for (const error of report.errors) {
    const value = error.value === undefined ? "" : ` (${error.value})`;
    console.log(`  line ${error.line}, ${error.field}: ${error.message}${value}`);
  }
  if (report.errors.length >= 100) console.log("  (only the first 100 problems are listed)");
}
