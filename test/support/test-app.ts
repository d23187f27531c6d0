// The product in-process for a test file: context on a fresh database, every job handler, the HTTP app
// (driven with app.inject) and `drainJobs` to settle outbox e-mails and jobs deterministically.
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { buildApp, createAppContext } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { registerJobHandlers } from "../../src/jobs.js";
import { type AppContext, closeContext } from "../../src/platform/context.js";
import type { Database } from "../../src/platform/db/client.js";
import type { LocalJobQueue } from "../../src/platform/jobs/local-queue.js";
import { openTestDatabase } from "./test-database.js";
import { TestDnsZone } from "./test-dns.js";

export const TEST_APP_URL = "http://corrente.test";

export type TestApp = {
  ctx: AppContext;
  /** What DNS answers this app's mail authentication (every domain publishes the test DKIM key). */
  dns: TestDnsZone;
  app: FastifyInstance;
  drainJobs(): Promise<number>;
  close(): Promise<void>;
};

/**
 * `database` lets a second app share the first one's database (two "server processes" on one
 * PostgreSQL); without it each call gets a fresh database. `logger` keeps the log lines (tests of
 * what is logged).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { database?: Database; dns?: TestDnsZone; logger?: pino.Logger } = {},
): Promise<TestApp> {
  const dns = options.dns ?? new TestDnsZone();
  const database = options.database ?? (await openTestDatabase());
  const config = loadConfig({ NODE_ENV: "test", APP_URL: TEST_APP_URL, LOG_LEVEL: "silent", ...env });
  const ctx = await createAppContext(config, {
    role: "web",
    database,
    forceLocalJobs: true,
    dnsResolver: dns.resolver,
    logger: options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
  });
  registerJobHandlers(ctx);
  const app = await buildApp(ctx);
  await app.ready();
  const queue = ctx.jobs as LocalJobQueue;
  return {
    ctx,
    dns,
    app,
    drainJobs: () => queue.drain(),
    async close() {
      await app.close();
      await closeContext(ctx);
    },
  };
}
