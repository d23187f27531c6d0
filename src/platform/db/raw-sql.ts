import { type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.js";

/**
 * Runs SQL written with $1..$n placeholders on a Drizzle handle (or transaction), binding the values
 * as parameters. Lets libraries that bring their own SQL (pg-boss) write inside our transaction.
 *
 * Each value is bound as node-postgres would bind it: `undefined` as NULL (a bare `${undefined}` in
 * Drizzle's `sql` would vanish from the text) and an array as one array parameter (not a list).
 * Drizzle numbers parameters itself, so a placeholder written twice becomes two parameters whose
 * types PostgreSQL infers separately; the statements we pass through here (pg-boss's job insert,
 * with start dates as ISO strings) bind correctly either way.
 */
export async function executePositional(db: Db, text: string, values: unknown[] = []) {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 0) {
      if (part) chunks.push(sql.raw(part));
    } else {
      chunks.push(sql`${sql.param(values[Number(part) - 1] ?? null)}`);
    }
  });
  return { rows: rowsOf<Record<string, unknown>>(await db.execute(sql.join(chunks))) };
}

/** The rows of a `db.execute` result: node-postgres and PGlite both answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
