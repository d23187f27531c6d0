// The programs an intake batch submits to, kept between batches with each row's version (PostgreSQL's
// xmin, new on every update of the row). A batch checks the versions in its first round trip, beside
// its locks; if a program changed since it was read, the batch runs again with the fresh row. So a
// settings change (limits, period, terms version) applies to the very next batch, and a busy process
// does not read the program once per batch.
import type { Db } from "../../platform/db/client.js";
import { listProgramsWithVersions, type Program, programVersionsStatement } from "../programs/index.js";
import type { Row, Statement } from "./intake-transaction.js";

type Entry = { program: Program; version: string };

/** Programs are few; past this many, the cache starts over rather than grow without bound. */
const MAX_ENTRIES = 500;

export class StalePrograms extends Error {
  constructor(readonly slugs: string[]) {
    super(`programs changed while a batch was checked: ${slugs.join(", ")}`);
    this.name = "StalePrograms";
  }
}

export class IntakePrograms {
  private readonly entries = new Map<string, Entry>();

  /** The programs with these slugs (absent: no such program), reading the ones not yet known. */
  async bySlug(db: Db, slugs: string[]): Promise<Map<string, Program>> {
    const missing = slugs.filter((slug) => !this.entries.has(slug));
    if (missing.length > 0) {
      const rows = await listProgramsWithVersions(db, missing);
      if (this.entries.size + rows.length > MAX_ENTRIES) this.entries.clear();
      for (const entry of rows) this.entries.set(entry.program.slug, entry);
    }
    const found = new Map<string, Program>();
    for (const slug of slugs) {
      const entry = this.entries.get(slug);
      if (entry) found.set(slug, entry.program);
    }
    return found;
  }

  /** Reads the current versions of the programs a batch used; check them with throwIfChanged. */
  versionsStatement(slugs: string[]): Statement {
    return programVersionsStatement(slugs);
  }

  throwIfChanged(slugs: string[], rows: Row[]) {
    const current = new Map(rows.map((row) => [String(row.slug), String(row.version)]));
    const changed = slugs.filter((slug) => current.get(slug) !== this.entries.get(slug)?.version);
    if (changed.length === 0) return;
    for (const slug of changed) this.entries.delete(slug);
    throw new StalePrograms(changed);
  }
}
