#!/usr/bin/env node
// CLI entry: corrente serve | worker | migrate | create-staff | seed-demo | import | digest | inbound
import { parseArgs } from "node:util";
import { buildApp, createAppContext } from "./app.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { seedDemo } from "./demo/seed-demo.js";
import { registerJobHandlers } from "./jobs.js";
import { inboundFailedCommand, parseInboundArgs } from "./modules/inbound/failed-command.js";
import { startInboundSmtpServer } from "./modules/inbound/index.js";
import { digestCommand, parseDigestArgs } from "./modules/notifications/index.js";
import { renormalizeReferralCompanyNames } from "./modules/referrals/index.js";
import { importCommand, parseImportArgs } from "./modules/registries/import-command.js";
import { renormalizeRegistryCompanyNames } from "./modules/registries/index.js";
import { createStaffCommand } from "./modules/staff/create-staff-command.js";
import { type AppContext, closeContext } from "./platform/context.js";

const usage = `Usage: corrente <command>

Commands:
  serve          start the web server (embedded default: also runs jobs and seeds the demo)
  worker         run job workers (production, with DATABASE_URL; run as many as you like)
  migrate        apply database migrations and exit
  create-staff   --organization SLUG [--organization-name NAME] --email E --name N --role owner|admin|sales|support [--password P]
  seed-demo      create the demo organization and program if missing (any database)
  import         customers|pipeline|partner-customers FILE [--organization SLUG]
                 import a registry CSV (";" or "," separated); embedded database: stop the server first
  digest         [--month YYYY-MM] compose the monthly status e-mails now (default: last month);
                 exactly once per referrer and month, however often it runs
  inbound        failed [--organization SLUG] [--limit N]
                 list received e-mails that could not be processed (unreadable as mail), newest first
  renormalize-company-names
                 recompute the stored company-name match keys of referrals and registries (once
                 after upgrading to the look-alike-proof keys; safe to repeat, and while serving)
`;

async function serve(config: Config) {
  const startedAt = performance.now();
  const ctx = await createAppContext(config, { role: "web" });
  registerJobHandlers(ctx);
  if (config.isEmbedded) await announceDemo(ctx);
  const app = await buildApp(ctx);
  await app.listen({ port: config.PORT, host: config.HOST });
  // The embedded default works jobs in this process; with PostgreSQL, `corrente worker` does.
  if (config.isEmbedded) await ctx.jobs.startWorkers();
  const smtp =
    config.INBOUND_SMTP_PORT === undefined
      ? null
      : await startInboundSmtpServer(ctx, { port: config.INBOUND_SMTP_PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const base = config.APP_URL ?? `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`;
  console.log(`Corrente is ready in ${Math.round(performance.now() - startedAt)} ms on ${base}`);
  console.log(`  staff:   ${base}/admin    referrers: ${base}/portal    landing: ${base}/p/desk-manager`);
  if (ctx.transport.kind === "development" && !config.isProduction)
    console.log(`  mailbox: ${base}/dev/mailbox`);
  if (smtp) console.log(`  inbound mail: SMTP on port ${smtp.port} for *@${config.replyDomain}`);
  onShutdown(async () => {
    await smtp?.close();
    await app.close();
    await closeContext(ctx);
  });
}

async function announceDemo(ctx: AppContext) {
  const demo = await seedDemo(ctx.db, { adminPassword: ctx.config.ADMIN_PASSWORD });
  if (demo.generatedPassword) {
    console.log(`\nDemo owner created: ${demo.adminEmail}  password: ${demo.generatedPassword}`);
    console.log("This password is shown only now. Set ADMIN_PASSWORD to choose another one.\n");
  }
}

async function worker(config: Config) {
  const ctx = await createAppContext(config, { role: "worker" });
  registerJobHandlers(ctx);
  await ctx.jobs.startWorkers();
  console.log("Corrente worker is running.");
  onShutdown(() => closeContext(ctx));
}

async function oneShot(config: Config, work: (ctx: AppContext) => Promise<void>) {
  const ctx = await createAppContext(config, { role: "cli" });
  try {
    await work(ctx);
  } finally {
    await closeContext(ctx);
  }
}

function onShutdown(stop: () => Promise<void>) {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      stop().then(
        () => process.exit(0),
        (err) => {
          console.error(err);
          process.exit(1);
        },
      );
    });
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(usage);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case "serve":
      return serve(config);
    case "worker":
      return worker(config);
    case "migrate":
      return oneShot(config, async () => console.log("Migrations applied."));
    case "seed-demo":
      return oneShot(config, async (ctx) => {
        const demo = await seedDemo(ctx.db, { adminPassword: config.ADMIN_PASSWORD });
        console.log(demo.created ? "Demo created." : "Demo already present.");
        if (demo.generatedPassword)
          console.log(`Owner ${demo.adminEmail} password: ${demo.generatedPassword}`);
      });
    case "create-staff": {
      const { values } = parseArgs({
        args: rest,
        options: {
          organization: { type: "string" },
          "organization-name": { type: "string" },
          email: { type: "string" },
          name: { type: "string" },
          role: { type: "string" },
          password: { type: "string" },
        },
      });
      return oneShot(config, (ctx) => createStaffCommand(ctx.db, values));
    }
    case "import": {
      const args = parseImportArgs(rest);
      return oneShot(config, (ctx) => importCommand(ctx.db, args));
    }
    case "renormalize-company-names":
      return oneShot(config, async (ctx) => {
        const referrals = await renormalizeReferralCompanyNames(ctx.db);
        const registries = await renormalizeRegistryCompanyNames(ctx.db);
        console.log(`Company-name keys recomputed: ${referrals} referrals, ${registries} registry rows.`);
      });
    case "digest": {
      const args = parseDigestArgs(rest);
      return oneShot(config, (ctx) => digestCommand(ctx, args));
    }
    case "inbound": {
      const args = parseInboundArgs(rest);
      return oneShot(config, (ctx) => inboundFailedCommand(ctx, args));
    }
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  // A mistake of the caller's (a wrong argument, a data folder in use) reads as one line, not a stack.
  const isUserFacing = err instanceof Error && ["UsageError", "DataDirInUseError"].includes(err.name);
  console.error(isUserFacing ? err.message : err);
  process.exit(1);
});
