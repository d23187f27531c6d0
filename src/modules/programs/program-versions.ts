// Programs read with their row version (PostgreSQL's xmin, new on every update of the row), for
// callers that keep programs between requests and must notice a change at once (the intake batches).
import { getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Program, programs } from "./schema.js";

export type VersionedProgram = { program: Program; version: string };

export async function listProgramsWithVersions(db: Db, slugs: string[]): Promise<VersionedProgram[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .select({ ...getTableColumns(programs), version: sql<string>`${programs}.xmin::text` })
    .from(programs)
    .where(inArray(programs.slug, slugs));
  return rows.map(({ version, ...program }) => ({ program, version }));
}

/**
 * The current versions as one plain statement (rows: slug, version), so a caller can send it in a
 * round trip it already makes.
 */
export function programVersionsStatement(slugs: string[]): { text: string; values: unknown[] } {
  return {
    text: "select slug, xmin::text as version from programs where slug in (select jsonb_array_elements_text($1::jsonb))",
    values: [JSON.stringify(slugs)],
  };
}
