// Inbound e-mail throughput (issue: inbound e-mail, target ≥ 500 messages/s on this machine): real-shaped
// replies from the corpus, bound to tickets the team answered, posted to the HTTP door of a production
// web process while one `corrente worker` parses, classifies, routes and posts them into the helpdesk.
// Measured in two phases: the door alone (store + enqueue), then the worker alone on the backlog, in wall
// time and in CPU time (the worker process's and PostgreSQL's backends', read from /proc: the machine may
// be shared). Run as its own process by bench/run.ts with DATABASE_URL on a fresh PostgreSQL database;
// prints one JSON line.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { createAppContext } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { seedDemo } from "../src/demo/seed-demo.js";
import { replyToTicket } from "../src/modules/helpdesk/agent-messages.js";
import { openTicket } from "../src/modules/helpdesk/open-ticket.js";
import { upsertParticipant } from "../src/modules/participants/index.js";
import { programs } from "../src/modules/programs/schema.js";
import { staffUsers } from "../src/modules/staff/schema.js";
import { closeContext } from "../src/platform/context.js";
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

// Behind a trusted relay (its Authentication-Results are read): the door asks no DNS, which this
// machine cannot reach and a benchmark of our code should not time.
const env = {
  MAIL_REPLY_DOMAIN: REPLY_DOMAIN,
  APP_SECRET: BENCH_SECRET,
  DATABASE_URL: databaseUrl,
  INBOUND_TRUSTED_AUTHSERV_ID: "mx.bench.test",
};

/** Referrers with a ticket an agent answered: the e-mails (reply token, Message-ID) they reply to. */
async function seedAnsweredTickets() {
  const ctx = await createAppContext(loadConfig({ ...process.env, ...env }), {
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

/** Until no message is left received; the time the last one was processed (PostgreSQL's clock). */
async function waitUntilProcessed(client: pg.Client) {
  for (;;) {
    const { rows } = await client.query<{ status: string; n: string; last_at: Date | null }>(
      "select status, count(*) as n, max(processed_at) as last_at from inbound_emails group by status",
    );
    const statuses = Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
    if ((statuses.received ?? 0) === 0 && Object.values(statuses).reduce((a, b) => a + b, 0) >= MESSAGES) {
      const lastAt = new Date(Math.max(...rows.map((row) => row.last_at?.getTime() ?? 0)));
      return { statuses, lastAt };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Seconds from `started` until every e-mail written since (the team's notifications) was sent. */
async function waitUntilSent(client: pg.Client, started: number): Promise<number> {
  for (;;) {
    const { rows } = await client.query(
      "select count(*)::int as n from email_outbox where status = 'pending' and created_at >= $1",
      [new Date(started)],
    );
    if (rows[0].n === 0) return (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** CPU seconds (user + system) of a process on this host, from /proc. */
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // A backend that ended meanwhile.
  }
}

/** CPU seconds of each backend of this database (PostgreSQL runs on this host). */
async function backendCpu(client: pg.Client): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>(
    "select pid from pg_stat_activity where datname = current_database()",
  );
  return new Map(rows.map(({ pid }) => [pid, processCpuSeconds(pid)]));
}

/** Backend CPU spent since `before` (backends started meanwhile count from zero). */
async function backendCpuSince(client: pg.Client, before: Map<number, number>): Promise<number> {
  let seconds = 0;
  for (const [pid, now] of await backendCpu(client)) seconds += now - (before.get(pid) ?? 0);
  return seconds;
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
  // BENCH_CPU_PROF_DIR: write the worker's CPU profile there (where its time goes).
  const profile = process.env.BENCH_CPU_PROF_DIR;
  const databaseCpuBefore = await backendCpu(client);
  worker = await startWorkerProcess(
    { ...env, NODE_ENV: "production", APP_URL: server.url },
    profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [],
  );
  // The worker works from the moment it is ready: its start-up (loading, connecting) is not counted.
  const readyAt = Date.now();
  const workerCpuBefore = processCpuSeconds(worker.child.pid!);
  const { statuses, lastAt } = await waitUntilProcessed(client);
  const workerCpu = processCpuSeconds(worker.child.pid!) - workerCpuBefore;
  const databaseCpu = await backendCpuSince(client, databaseCpuBefore);
  const seconds = Math.max(0.001, (lastAt.getTime() - readyAt) / 1000);
  // The team's notifications the processing wrote, which the same worker sends (the seed's own e-mails
  // were queued on the seeding process's local queue and stay unsent).
  const { rows: notifications } = await client.query(
    `select count(*) filter (where status = 'sent')::int as sent, count(*)::int as n from email_outbox
      where created_at >= $1`,
    [new Date(readyAt)],
  );
  const allSentSeconds = await waitUntilSent(client, readyAt);
  const { rows: failures } = await client.query(
    "select count(*)::int as n from inbound_emails where last_error is not null",
  );
  // Where every message went must add up: one ticket message per message attached or opening a ticket.
  const { rows: posted } = await client.query(
    `select count(*)::int as n, count(distinct inbound_email_id)::int as distinct_n from ticket_messages
      where inbound_email_id is not null`,
  );
  const perMessageMs = (cpuSeconds: number) => Math.round((cpuSeconds * 1e5) / MESSAGES) / 100;
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
      workerCpuMsPerMessage: perMessageMs(workerCpu),
      databaseCpuMsPerMessage: perMessageMs(databaseCpu),
      notificationsWritten: notifications[0].n,
      notificationsSentDuringProcessing: notifications[0].sent,
      allSentSeconds: Math.round(allSentSeconds * 10) / 10,
      statuses,
      ticketMessagesPosted: posted[0].n,
      ticketMessagesDistinct: posted[0].distinct_n,
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
