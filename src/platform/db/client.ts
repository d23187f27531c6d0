// One database API for both engines: embedded PGlite (the default, one connection, in DATA_DIR) and
// PostgreSQL through a pg pool. Both speak the same SQL dialect and run the same migrations.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.js";

/** A database handle or an open transaction: services take this and never care which. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  engine: "pglite" | "postgres";
  /** Present on PostgreSQL: for work that needs its own session (advisory locks, pg-boss). */
  pool?: pg.Pool;
  /** Present on PGlite. */
  pglite?: PGlite;
  close(): Promise<void>;
};

/**
 * PostgreSQL extensions the migrations create (`unaccent`: accent-insensitive helpdesk search). PGlite
 * loads an extension only when it is named at open, on every open: pass these to each PGlite.create.
 */
export const pgliteExtensions = { unaccent };

export type DatabaseOptions = { databaseUrl?: string; dataDir: string; poolSize?: number };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    const db = drizzlePg({ client: pool }) as unknown as Db;
    return { db, engine: "postgres", pool, close: () => pool.end() };
  }
  const dir = path.resolve(options.dataDir, "pgdata");
  mkdirSync(dir, { recursive: true });
  const lock = lockDataDir(path.resolve(options.dataDir));
  const pglite = await PGlite.create({ dataDir: dir, extensions: pgliteExtensions }).catch((error) => {
    lock.release();
    throw error;
  });
  const db = drizzlePglite({ client: pglite }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    pglite,
    close: async () => {
      if (!pglite.closed) await pglite.close();
      lock.release();
    },
  };
}

/** Opens an in-memory PGlite: for tests that need a throwaway database quickly. */
export async function openMemoryDatabase(pglite?: PGlite): Promise<Database> {
  const client = pglite ?? (await PGlite.create({ extensions: pgliteExtensions }));
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    pglite: client,
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}
