// Runs once per test run: builds a migrated PGlite data folder (creating one costs ~5 s; loading a
// dump ~0.7 s) and, with TEST_DATABASE_URL, a migrated PostgreSQL template database to clone per file.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase, openMemoryDatabase, pgliteExtensions } from "../../src/platform/db/client.js";
import { applyMigrations } from "../../src/platform/db/migrate.js";

export const PGLITE_TEMPLATE_FILE = path.resolve(import.meta.dirname, "../../.tmp/pglite-template.tar");

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplateFile: string;
    postgresTemplate: string | null;
  }
}

// Vitest runs this once per project: each builds only what its own tests use.
export default async function setup(project: TestProject) {
  project.provide("pgliteTemplateFile", PGLITE_TEMPLATE_FILE);
  project.provide("postgresTemplate", null);
  if (project.name === "pglite") await buildPgliteTemplate();
  if (project.name === "postgres") return buildPostgresTemplate(project);
}

async function buildPgliteTemplate() {
  const memory = await PGlite.create({ extensions: pgliteExtensions });
  await applyMigrations(await openMemoryDatabase(memory));
  const dump = await memory.dumpDataDir("none");
  await memory.close();
  mkdirSync(path.dirname(PGLITE_TEMPLATE_FILE), { recursive: true });
  writeFileSync(PGLITE_TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
}

async function buildPostgresTemplate(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("the postgres project needs TEST_DATABASE_URL");
  const template = `corrente_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await dropLeftoverDatabases(admin);
  await admin.query(`create database ${template}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const database = await openDatabase({ databaseUrl: templateUrl.toString(), dataDir: "" });
  await applyMigrations(database);
  await database.close();
  project.provide("postgresTemplate", template);
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}

/** Databases left by an interrupted earlier run (their names carry a pid that is gone). */
async function dropLeftoverDatabases(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like 'corrente\\_t%' and datname <> current_database()",
  );
  for (const { datname } of rows) {
    const pid = Number(datname.split("_").at(-1));
    if (!Number.isFinite(pid) || !isAlive(pid))
      await admin.query(`drop database if exists ${datname} with (force)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
