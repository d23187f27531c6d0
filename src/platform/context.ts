import pino from "pino";
import { type Config, withPublicUrl } from "../config.js";
import { loadAppSecret } from "./crypto/app-secret.js";
import { type Database, openDatabase } from "./db/client.js";
import { applyMigrations } from "./db/migrate.js";
import { type DnsResolver, systemDnsResolver } from "./dns/resolver.js";
import { ModuleHooks } from "./hooks.js";
import { RequestActivity } from "./http/request-activity.js";
import { rememberedPublicUrl, rememberPublicUrl } from "./instance/public-url.js";
import type { JobQueue } from "./jobs/job.js";
import { LocalJobQueue } from "./jobs/local-queue.js";
import { PgBossJobQueue } from "./jobs/pg-boss-queue.js";
import { logSerializers } from "./log-redaction.js";
import type { MailSettings } from "./mail/outbox.js";
import { createDevelopmentTransport, createSmtpTransport, type MailTransport } from "./mail/transport.js";

export type Logger = pino.Logger;

/** What every use case may need from the platform, built once per process. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Database["db"];
  jobs: JobQueue;
  mail: MailSettings;
  transport: MailTransport;
  /** Signs reply tokens and CSRF tokens. */
  secret: string;
  logger: Logger;
  /** DNS for mail authentication (inbound DKIM, SPF and DMARC checks). */
  dns: DnsResolver;
  /** The HTTP requests in flight in this process: the in-process job runner gives way to them. */
  requestActivity?: RequestActivity;
  /** Cross-module reactions, connected by app.ts (`createAppContext`). */
  hooks: ModuleHooks;
};

export type ContextOptions = {
  /** Workers run job handlers; web processes on PostgreSQL only enqueue. */
  role: "web" | "worker" | "cli";
  database?: Database;
  logger?: Logger;
  /** Use the in-process queue even on PostgreSQL (tests that settle jobs deterministically). */
  forceLocalJobs?: boolean;
  /** Tests answer DNS from a local fake zone. */
  dnsResolver?: DnsResolver;
};

/** The longest a job of the in-process runner waits for the web requests to pause. */
const JOB_YIELD_MAX_MS = 500;

/** The platform alone; processes start from app.ts's `createAppContext`, which connects the modules. */
export async function createContext(configured: Config, options: ContextOptions): Promise<AppContext> {
  // Requests and errors are logged without credentials or query values (log-redaction.ts), whoever
  // made the logger (tests hand their own).
  const logger = (options.logger ?? pino({ level: configured.LOG_LEVEL })).child(
    {},
    { serializers: logSerializers },
  );
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: configured.DATABASE_URL,
      dataDir: configured.DATA_DIR,
      poolSize: configured.DATABASE_POOL_SIZE,
    }));
  await applyMigrations(database);
  const config = await withRememberedPublicUrl(database.db, configured, options.role);
  const secret = await loadAppSecret(database.db, config.APP_SECRET);
  let jobs: JobQueue;
  let requestActivity: RequestActivity | undefined;
  if (config.DATABASE_URL && !options.forceLocalJobs) {
    jobs = new PgBossJobQueue(config.DATABASE_URL, logger, { isWorker: options.role === "worker" });
  } else {
    // Only an in-process job runner needs to know about the requests (each one costs a listener).
    const activity = new RequestActivity();
    requestActivity = activity;
    jobs = new LocalJobQueue(database.db, logger, {
      // Each job waits for a moment without requests, up to this long.
      beforeEachJob: () => activity.whenIdle(JOB_YIELD_MAX_MS),
    });
  }
  const transport = config.SMTP_URL
    ? createSmtpTransport(config.SMTP_URL, { secret, replyDomain: config.replyDomain })
    : createDevelopmentTransport(database.db);
  return {
    config,
    database,
    db: database.db,
    jobs,
    mail: { from: config.mailFrom, replyDomain: config.replyDomain, secret },
    transport,
    secret,
    logger,
    dns: options.dnsResolver ?? systemDnsResolver(),
    requestActivity,
    hooks: new ModuleHooks(),
  };
}

/**
 * Without APP_URL, a web process says where it runs (its HOST and PORT) and remembers it; other processes
 * (workers, CLI commands) use what the server remembered, so their e-mails link to the same address.
 */
async function withRememberedPublicUrl(db: Database["db"], config: Config, role: ContextOptions["role"]) {
  if (config.APP_URL) return config;
  if (role === "web") {
    await rememberPublicUrl(db, config.appUrl);
    return config;
  }
  const remembered = await rememberedPublicUrl(db);
  return remembered ? withPublicUrl(config, remembered) : config;
}

export async function closeContext(context: AppContext): Promise<void> {
  await context.jobs.stop();
  context.transport.close();
  await context.database.close();
}
