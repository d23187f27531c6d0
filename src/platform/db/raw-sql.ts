import { type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.js";

/**
 * Runs SQL written with $1..$n placeholders on a Drizzle handle (or transaction), binding the values
 * as parameters. Lets libraries that bring their own SQL (pg-boss) write inside our transaction.
 */
export async function executePositional(db: Db, text: string, values: unknown[] = []) {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 0) {
      if (part) chunks.push(sql.raw(part));
    } else {
      chunks.push(sql`${values[Number(part) - 1]}`);
    }
  });
  return { rows: rowsOf<Record<string, unknown>>(await db.execute(sql.join(chunks))) };
}

/** The rows of a `db.execute` result: node-postgres and PGlite both answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
