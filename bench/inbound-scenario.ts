// Inbound e-mail throughput (issue: inbound e-mail, target ≥ 500 messages/s on this machine): real-shaped
// replies from the corpus, bound to tickets the team answered, posted to the HTTP door of a production
// web process while one `corrente worker` parses, classifies, routes and posts them into the helpdesk.
// Measured in two phases: the door alone (store + enqueue), then the worker alone on the backlog. Run as its own process by
// bench/run.ts with DATABASE_URL on a fresh PostgreSQL database; prints one JSON line.
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import autocannon from "autocannon";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { loadConfig } from "../src/config.js";
import { seedDemo } from "../src/demo/seed-demo.js";
import { replyToTicket } from "../src/modules/helpdesk/agent-messages.js";
import { openTicket } from "../src/modules/helpdesk/open-ticket.js";
import { upsertParticipant } from "../src/modules/participants/index.js";
import { programs } from "../src/modules/programs/index.js";
import { staffUsers } from "../src/modules/staff/index.js";
import { closeContext, createContext } from "../src/platform/context.js";
import { emailOutbox } from "../src/platform/mail/schema.js";
import { loadMailFixture } from "../test/fixtures/mail/load-mail-fixture.js";
import { startWorkerProcess } from "../test/support/server-process.js";
import { BENCH_SECRET, peakRssMb, startServer, stopProcess } from "./bench-kit.js";
import type { InboundResult } from "./inbound-report.js";

const MESSAGES = Number(process.env.BENCH_INBOUND_MESSAGES ?? 10_000);
// Ten messages per referrer: under the hourly cap per sender, as a real inbox mostly is.
const TICKETS = Number(process.env.BENCH_INBOUND_TICKETS ?? 1000);
const CONNECTIONS = 20;
const INBOUND_SECRET = "bench-inbound-secret-0123456789";
const REPLY_DOMAIN = "bench.local";
const databaseUrl = process.env.DATABASE_URL!;
const log = (text: string) => process.stderr.write(text);

/** The corpus mix: mostly people's replies, some automatic mail and strangers, as a real inbox gets. */
const MIX = [
  ...Array(3).fill("gmail-reply-pt"),
  ...Array(2).fill("outlook-reply-pt"),
  "apple-mail-reply-pt",
  "thunderbird-reply-pt",
  "gmail-reply-en",
  "iso-8859-1-qp",
  "base64-body",
  "html-only",
  "auto-reply-vacation-pt",
  "exchange-out-of-office",
  "unknown-sender",
] as string[];

const env = { MAIL_REPLY_DOMAIN: REPLY_DOMAIN, APP_SECRET: BENCH_SECRET, DATABASE_URL: databaseUrl };

/** Referrers with a ticket an agent answered: the e-mails (reply token, Message-ID) they reply to. */
async function seedAnsweredTickets() {
  const ctx = await createContext(loadConfig({ ...process.env, ...env }), {
    role: "cli",
    forceLocalJobs: true,
  });
  try {
    await seedDemo(ctx.db, { adminPassword: "bench-admin-password" });
    const [program] = await ctx.db.select().from(programs).limit(1);
    const [agent] = await ctx.db.select().from(staffUsers).limit(1);
    const staff = {
      sessionId: "bench",
      staffUserId: agent!.id,
      organizationId: program!.organizationId,
      role: "owner" as const,
    };
    const reason = program!.contactReasons[0]!.code;
    const bound: Record<string, string>[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const email = `referrer-${i}@example.com.br`;
      const scope = { organizationId: program!.organizationId, programId: program!.id };
      const participant = await upsertParticipant(ctx.db, scope, { email, name: `Referrer ${i}` });
      const principal = {
        sessionId: "bench",
        participantId: participant.id,
        programId: program!.id,
        organizationId: program!.organizationId,
      };
      const ticket = await openTicket(
        ctx,
        principal,
        { subject: "Dúvida", contactReason: reason, message: "Olá" },
        {},
      );
      await replyToTicket(ctx, staff, ticket.id, {
        message: "Pode nos enviar o CNPJ correto?",
        status: "pending",
      });
      const [sent] = await ctx.db
        .select({ replyTo: emailOutbox.replyTo, messageId: emailOutbox.messageId })
        .from(emailOutbox)
        // The agent's reply to the referrer (the ticket's other e-mails go to the team).
        .where(and(eq(emailOutbox.ticketId, ticket.id), eq(emailOutbox.participantId, participant.id)));
      bound.push({ REPLY_TO: sent!.replyTo!, IN_REPLY_TO: sent!.messageId, FROM: email, REPLY_DOMAIN });
      if (i % 50 === 0) log(".");
    }
    return bound;
  } finally {
    await closeContext(ctx);
  }
}

/** MESSAGES distinct messages (each its own Message-ID), spread over the answered tickets. */
function buildMessages(bound: Record<string, string>[]): Buffer[] {
  return Array.from({ length: MESSAGES }, (_, i) => {
    const raw = loadMailFixture(MIX[i % MIX.length]!, bound[i % bound.length]!).toString("latin1");
    return Buffer.from(
      raw.replace(/^Message-ID:.*$/im, `Message-ID: <bench-${i}@mail.example.com>`),
      "latin1",
    );
  });
}

async function waitUntilProcessed(client: pg.Client): Promise<Record<string, number>> {
  for (;;) {
    const { rows } = await client.query<{ status: string; n: string }>(
      "select status, count(*) as n from inbound_emails group by status",
    );
    const counts = Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
    if ((counts.received ?? 0) === 0 && Object.values(counts).reduce((a, b) => a + b, 0) >= MESSAGES) {
      return counts;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

log(`  seeding ${TICKETS} answered tickets`);
const bound = await seedAnsweredTickets();
const messages = buildMessages(bound);
log(` done\n  posting ${MESSAGES} messages…\n`);

const server = await startServer({ ...env, INBOUND_SECRET });
let worker: { child: ChildProcess; stop(): Promise<void> } | undefined;
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
try {
  // Two phases, so each figure is its own: the door stores and enqueues (no worker yet), then one worker
  // parses, classifies, routes and posts the backlog.
  let next = 0;
  const load = await autocannon({
    url: `${server.url}/api/inbound/email`,
    connections: CONNECTIONS,
    amount: MESSAGES,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "message/rfc822", "x-inbound-secret": INBOUND_SECRET },
        setupRequest: (request) => ({
          ...request,
          body: messages[next++ % messages.length] as unknown as string,
        }),
      },
    ],
  });
  log(`  stored at ${Math.round(load.requests.average)}/s; processing with one worker…\n`);
  const started = performance.now();
  // BENCH_CPU_PROF_DIR: write the worker's CPU profile there (where its time goes).
  const profile = process.env.BENCH_CPU_PROF_DIR;
  worker = await startWorkerProcess(
    { ...env, NODE_ENV: "production", APP_URL: server.url },
    profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [],
  );
  const workerReadySeconds = (performance.now() - started) / 1000;
  const statuses = await waitUntilProcessed(client);
  const seconds = (performance.now() - started) / 1000 - workerReadySeconds;
  const { rows: failures } = await client.query(
    "select count(*)::int as n from inbound_emails where last_error is not null",
  );
  console.log(
    JSON.stringify({
      messages: MESSAGES,
      tickets: TICKETS,
      connections: CONNECTIONS,
      ingestRps: Math.round(load.requests.average),
      ingestP50: load.latency.p50,
      ingestP99: load.latency.p99,
      errors: load.errors + load.timeouts,
      non2xx: load.non2xx,
      processSeconds: Math.round(seconds * 10) / 10,
      processedPerSecond: Math.round(MESSAGES / seconds),
      statuses,
      failedAttempts: failures[0].n,
      serverPeakRssMb: peakRssMb(server.child),
      workerPeakRssMb: peakRssMb(worker.child),
      loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10),
    } satisfies InboundResult),
  );
} finally {
  await client.end();
  await worker?.stop();
  await stopProcess(server.child);
}
