// A fresh, migrated database for one test file: PGlite loaded from the run's template dump, or (in the
// postgres project) a PostgreSQL database cloned from the run's template and dropped afterwards.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import {
  type Database,
  openDatabase,
  openMemoryDatabase,
  pgliteExtensions,
} from "../../src/platform/db/client.js";

export const testEngine = process.env.TEST_DB_ENGINE === "postgres" ? "postgres" : "pglite";

export type TestDatabase = Database & { url?: string };

export async function openTestDatabase(): Promise<TestDatabase> {
  if (testEngine === "pglite") {
    const dump = new Blob([readFileSync(inject("pgliteTemplateFile"))]);
    return openMemoryDatabase(await PGlite.create({ loadDataDir: dump, extensions: pgliteExtensions }));
  }
  const template = inject("postgresTemplate");
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!template || !baseUrl) throw new Error("postgres project without TEST_DATABASE_URL");
  // The name ends with the template's pid, so global setup can drop what an interrupted run left.
  const name = `corrente_t${randomBytes(4).toString("hex")}_${template.split("_").at(-1)}`;
  await withAdminClient(baseUrl, (client) => createFromTemplate(client, name, template));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: "", poolSize: 10 });
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      await withAdminClient(baseUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

async function createFromTemplate(client: pg.Client, name: string, template: string) {
  // Two files cloning the same template at the same instant can collide; a retry settles it.
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`create database ${name} template ${template}`);
      return;
    } catch (err) {
      if (attempt >= 10) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
