// Applies the committed SQL migrations in src/db/migrations. On PostgreSQL an advisory lock makes
// concurrent starters (several web processes, a worker, `corrente migrate`) apply them exactly once.
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { projectPath } from "../paths.js";
import type { Database } from "./client.js";

const MIGRATION_LOCK_KEY = 7_418_202_611; // any constant shared by every process of this app

export const migrationsFolder = projectPath("src/db/migrations");

export async function applyMigrations(database: Database): Promise<void> {
  if (database.pglite) {
    await migratePglite(drizzlePglite({ client: database.pglite }), { migrationsFolder });
    return;
  }
  if (!database.pool) throw new Error("database has neither a pool nor PGlite");
  const client = await database.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg({ client }), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
