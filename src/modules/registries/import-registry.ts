// Imports a registry file (customers, pipeline, partner-program customers) for one organization.
// Streams: rows are parsed one at a time and written in batches, so a file of any size imports in flat
// memory. Idempotent: rows are upserted on their entry key, so importing a file again updates them.
// A bad row is reported with its line number and never stops the import. All or nothing: every batch
// is written in one transaction, so a file that fails (unreadable, a database error) leaves the
// registry as it was. The transaction opens at the first row to write: a file with none (refused at
// its header, or every row rejected) holds no transaction while it is read.
import { Readable } from "node:stream";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { Invalid } from "../../platform/http/errors.js";
import { CsvFileError, readCsvLines } from "./csv-lines.js";
import { columnOfHeader, headerProblem, type RegistryColumn, type RegistryKind } from "./registry-columns.js";
import {
  type Parsed,
  parseCustomerRow,
  parsePartnerCustomerRow,
  parsePipelineRow,
  type RegistryValues,
  type RowProblem,
} from "./registry-rows.js";
import { upsertCustomers, upsertPartnerCustomers, upsertPipeline } from "./registry-upserts.js";

export const IMPORT_BATCH_SIZE = 500;
const MAX_REPORTED_ERRORS = 100;

export type RegistryRowError = RowProblem & { line: number };
export type ImportReport = {
  inserted: number;
  updated: number;
  rejected: number;
  /** The first 100 problems, by line. */
  errors: RegistryRowError[];
  total: number;
};
export type ImportOptions = { onProgress?(count: number): void };
/** CSV text as a byte (or string) stream, or records already split into named fields. */
export type RegistryInput = Readable | AsyncIterable<Record<string, string>>;

type Importer<Row extends { entryKey: string }> = {
  parseRow(values: RegistryValues): Parsed<Row>;
  /** Writes distinct rows; returns how many were new. */
  upsert(tx: Db, scope: OrganizationScope, rows: Row[]): Promise<number>;
};

export function importRegistry(
  db: Db,
  scope: OrganizationScope,
  kind: RegistryKind,
  input: RegistryInput,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const lines = input instanceof Readable ? csvFileLines(kind, input) : recordLines(kind, input);
  switch (kind) {
    case "customers":
      return runImport(db, scope, { parseRow: parseCustomerRow, upsert: upsertCustomers }, lines, options);
    case "pipeline":
      return runImport(db, scope, { parseRow: parsePipelineRow, upsert: upsertPipeline }, lines, options);
    case "partner-customers": {
      const importer = { parseRow: parsePartnerCustomerRow, upsert: upsertPartnerCustomers };
      return runImport(db, scope, importer, lines, options);
    }
  }
}

type RegistryLine = { line: number; values: RegistryValues } | { line: number; unreadable: string };

async function runImport<Row extends { entryKey: string }>(
  db: Db,
  scope: OrganizationScope,
  importer: Importer<Row>,
  lines: AsyncIterable<RegistryLine>,
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = { inserted: 0, updated: 0, rejected: 0, errors: [], total: 0 };
  const writeBatch = async (tx: Db, batch: Row[]) => {
    const inserted = await importer.upsert(tx, scope, distinctByEntryKey(batch));
    // A key repeated within the file counts as an update of its first occurrence.
    report.inserted += inserted;
    report.updated += batch.length - inserted;
    options.onProgress?.(report.inserted + report.updated + report.rejected);
  };
  const rows = validRows(importer, lines, report);
  try {
    const first = await rows.next();
    if (!first.done) {
      await inTransaction(db, (tx) => writeInBatches([first.value], rows, (batch) => writeBatch(tx, batch)));
    }
  } finally {
    await rows.return(undefined); // after a failed write the file's stream is closed, not left suspended
  }
  options.onProgress?.(report.total);
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}

/** Writes `head` and then `rows` in batches; a failure waits for the batch being written, then throws. */
async function writeInBatches<Row>(
  head: Row[],
  rows: AsyncIterable<Row>,
  write: (batch: Row[]) => Promise<void>,
) {
  const writer = batchWriter<Row>(write);
  try {
    for (const row of head) await writer.add(row);
    for await (const row of rows) await writer.add(row);
    await writer.finish();
  } catch (error) {
    await writer.settle(); // no batch may still be writing when the transaction rolls back
    throw error;
  }
}

/** The rows that parse, in file order; the others are counted and reported in `report`. */
async function* validRows<Row extends { entryKey: string }>(
  importer: Importer<Row>,
  lines: AsyncIterable<RegistryLine>,
  report: ImportReport,
): AsyncGenerator<Row> {
  for await (const item of lines) {
    report.total++;
    const parsed: Parsed<Row> =
      "unreadable" in item
        ? { problems: [{ field: "row", code: "row_unreadable", message: item.unreadable }] }
        : importer.parseRow(item.values);
    if ("row" in parsed) {
      yield parsed.row;
      continue;
    }
    report.rejected++;
    for (const problem of parsed.problems) {
      if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ line: item.line, ...problem });
    }
  }
}

/** Collects rows into batches and writes one batch while the next fills, in file order. */
function batchWriter<Row>(write: (rows: Row[]) => Promise<void>) {
  let batch: Row[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (batch.length === 0) return;
    writing = write(batch);
    writing.catch(() => {}); // awaited by the next flush; this only keeps it from counting as unhandled
    batch = [];
  };
  return {
    async add(row: Row) {
      batch.push(row);
      if (batch.length >= IMPORT_BATCH_SIZE) await flush();
    },
    async finish() {
      await flush();
      await writing;
    },
    settle: () => writing.catch(() => {}),
  };
}

/** Last row wins: one statement may not update the same row twice. */
function distinctByEntryKey<Row extends { entryKey: string }>(rows: Row[]): Row[] {
  return [...new Map(rows.map((row) => [row.entryKey, row])).values()];
}

async function* csvFileLines(kind: RegistryKind, input: Readable): AsyncGenerator<RegistryLine> {
  let hasHeader = false;
  const columns = (header: string[]) => {
    hasHeader = true;
    const problem = headerProblem(kind, header);
    if (problem) throw new Invalid({ file: [problem] }, problem, "csv_header_invalid");
    return keysOfHeader(header);
  };
  try {
    for await (const line of readCsvLines(input, { columns })) {
      yield "record" in line ? { line: line.line, values: line.record } : line;
    }
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    const message = `The file could not be read as CSV (line ${error.line}): ${error.message}`;
    throw new Invalid({ file: [message] }, message, "csv_unreadable");
  }
  if (!hasHeader) {
    const message = "The file is empty: its first line must name the columns.";
    throw new Invalid({ file: [message] }, message, "csv_empty");
  }
}

/** Each header cell's column; unknown columns and repeats of a column are dropped (the first wins). */
function keysOfHeader(header: string[]): (RegistryColumn | false)[] {
  const seen = new Set<RegistryColumn>();
  return header.map((cell) => {
    const column = columnOfHeader(cell);
    if (!column || seen.has(column)) return false;
    seen.add(column);
    return column;
  });
}

async function* recordLines(
  kind: RegistryKind,
  records: AsyncIterable<Record<string, string>>,
): AsyncGenerator<RegistryLine> {
  let line = 1; // as if line 1 were the header, so numbers match the file the records came from
  const columnByKey = new Map<string, RegistryColumn | undefined>();
  for await (const record of records) {
    line++;
    if (line === 2) {
      const problem = headerProblem(kind, Object.keys(record));
      if (problem) throw new Invalid({ file: [problem] }, problem, "csv_header_invalid");
    }
    const values: RegistryValues = {};
    for (const [key, value] of Object.entries(record)) {
      if (!columnByKey.has(key)) columnByKey.set(key, columnOfHeader(key));
      const column = columnByKey.get(key);
      if (column && values[column] === undefined) values[column] = value;
    }
    yield { line, values };
  }
}
