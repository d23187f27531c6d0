// Links in e-mails composed by a CLI command or a worker started without APP_URL point where the web
// server runs (it remembers its address), not to a default port nobody listens on.
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppContext } from "../../../src/app.js";
import { loadConfig } from "../../../src/config.js";
import { composeMonthlyDigests } from "../../../src/modules/notifications/index.js";
import { recordPastReferral } from "../../../src/modules/referrals/index.js";
import type { AppContext } from "../../../src/platform/context.js";
import { emailOutbox } from "../../../src/platform/mail/schema.js";
import { makeParticipant, makeProgram } from "../../support/factories.js";
import { openTestDatabase, type TestDatabase, testEngine } from "../../support/test-database.js";

describe(`the public address e-mails link to (${testEngine})`, () => {
  let database: TestDatabase;
  const contexts: AppContext[] = [];
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    for (const ctx of contexts) await ctx.jobs.stop();
    await database.close();
  });

  async function contextFor(role: "web" | "cli", env: Record<string, string>) {
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
    const ctx = await createAppContext(config, {
      role,
      database,
      forceLocalJobs: true,
      logger: pino({ level: "silent" }),
    });
    contexts.push(ctx);
    return ctx;
  }

  it("is the web server's own, remembered for CLI commands that have no APP_URL", async () => {
    await contextFor("web", { HOST: "127.0.0.1", PORT: "4321" });
    const cli = await contextFor("cli", {});
    expect(cli.config.appUrl).toBe("http://127.0.0.1:4321");
    expect(cli.mail.replyDomain).toBe("127.0.0.1");
    const { program, scope } = await makeProgram(cli.db);
    const referrer = await makeParticipant(cli.db, scope);
    await recordPastReferral(cli.db, scope, {
      participantId: referrer.id,
      referrerIsCustomer: false,
      company: { name: "Acme Ltda", cnpj: null, size: "large", supportAgents: 10 },
      contact: {
        name: "C",
        role: "TI",
        department: "it",
        email: "c@acme.example.com",
        phone: "+551133334444",
      },
      createdAt: new Date("2026-10-10T12:00:00Z"),
      moves: [],
    });
    await composeMonthlyDigests(cli, "2026-10");
    const [digest] = await cli.db.select().from(emailOutbox).where(eq(emailOutbox.programId, program.id));
    expect(JSON.stringify(digest?.templateData)).toContain("http://127.0.0.1:4321/portal");
  });

  it("is APP_URL when a command is given one", async () => {
    const cli = await contextFor("cli", { APP_URL: "https://indica.example.com" });
    expect(cli.config.appUrl).toBe("https://indica.example.com");
  });
});
