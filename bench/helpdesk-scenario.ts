// The helpdesk at scale (issue: helpdesk for referrers): a million tickets and five million messages
// seeded with COPY (bench/helpdesk-seed.ts), then the agents' list and search measured through the real
// server and its HTTP API with autocannon. Run as its own process by bench/run.ts; DATABASE_URL must
// point at a fresh PostgreSQL database. Prints one JSON line.
import { spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { createAppContext } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { seedDemo } from "../src/demo/seed-demo.js";
import { closeContext } from "../src/platform/context.js";
import { freePort } from "../test/support/server-process.js";
import { COMPANIES, companyCode, seedHelpdesk } from "./helpdesk-seed.js";

const TICKETS = Number(process.env.BENCH_HELPDESK_TICKETS ?? 1_000_000);
const MESSAGES_PER_TICKET = 5;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
// Load: agents browsing at once. Latency is also read with one connection, what one agent sees; at
// saturation latency only measures the queue.
const CONNECTIONS = Number(process.env.BENCH_HELPDESK_CONNECTIONS ?? 8);
const ADMIN_PASSWORD = "bench-admin-password";
const root = path.resolve(import.meta.dirname, "..");
const databaseUrl = process.env.DATABASE_URL!;

const log = (text: string) => process.stderr.write(text);

const ctx = await createAppContext(loadConfig(), { role: "cli" });
await seedDemo(ctx.db, { adminPassword: ADMIN_PASSWORD });
await closeContext(ctx);

log(`  seeding ${TICKETS} tickets, ${TICKETS * MESSAGES_PER_TICKET} messages with COPY… `);
const seedStarted = performance.now();
const seeded = await seedHelpdesk(databaseUrl, {
  tickets: TICKETS,
  messagesPerTicket: MESSAGES_PER_TICKET,
  participants: Math.max(1000, Math.round(TICKETS / 10)),
  agents: 10,
});
const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
log(`${seedSeconds} s\n`);
// The load leaves gigabytes of WAL behind: without a checkpoint now, the checkpoints it forces land in
// the middle of the measurements (a common-word search measured 194 ms instead of about 10).
const admin = new pg.Client({ connectionString: databaseUrl });
await admin.connect();
await admin.query("checkpoint");
await admin.end();

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench/bench-server.ts")], {
  cwd: root,
  env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", PORT: String(port), APP_URL: url },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  server.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("bench server ready") && resolve());
  server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});

try {
  const login = await fetch(`${url}/api/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@example.com", password: ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const get = async (query: string) => {
    const response = await fetch(`${url}/api/admin/tickets${query}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${query}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { items: unknown[]; nextCursor: string | null };
  };
  const firstPage = await get("?status=open,pending&limit=25");
  const scenarios: [string, string][] = [
    ["list: open and pending, latest activity first (default view)", "?status=open,pending&limit=25"],
    [
      "list: same, second page (keyset cursor)",
      `?status=open,pending&limit=25&cursor=${firstPage.nextCursor}`,
    ],
    [
      "list: 4 filters (status, situation, priority, contact reason)",
      "?status=open,pending&situation=awaiting_agent&priority=high&contactReason=reward&limit=25",
    ],
    ["list: one agent's open and pending", `?status=open,pending&assigneeId=${seeded.agentIds[3]}&limit=25`],
    ["list: closed tickets by opening date", "?status=closed&sort=createdAt&limit=25"],
    ["list: overdue view", "?overdue=true&limit=25"],
    [`search: a rare word (~${Math.round(TICKETS / COMPANIES)} tickets)`, `?q=${companyCode(4242)}&limit=25`],
    ["search: a common word, accents ignored (indicacao)", "?q=indicacao&limit=25"],
    // Frequent overall but rare among the newest tickets: the slow case of the two-step search.
    ["search: a word on 8% of tickets, rare among the newest (lgpd)", "?q=lgpd&limit=25"],
    [
      "search: two words within the open tickets",
      `?q=${encodeURIComponent("prêmio entrega")}&status=open,pending&limit=25`,
    ],
  ];
  // Each scenario twice: one agent alone (the latency a person sees) and CONNECTIONS at once (load).
  const measure = (path: string, connections: number) =>
    autocannon({ url: `${url}${path}`, headers: { cookie }, connections, duration: DURATION });
  const results = [];
  const all: [string, string][] = [
    ...scenarios.map(([name, query]): [string, string] => [name, `/api/admin/tickets${query}`]),
    ["counts per status and view (each capped at 1,000)", "/api/admin/tickets/counts"],
  ];
  for (const [name, path] of all) {
    const items = path.includes("/counts")
      ? null
      : (await get(path.slice("/api/admin/tickets".length))).items.length;
    log(`  ${name}: ${items ?? "-"} items… `);
    const alone = await measure(path, 1);
    const loaded = await measure(path, CONNECTIONS);
    log(
      `alone p50 ${alone.latency.p50} / p99 ${alone.latency.p99} ms; loaded ${Math.round(loaded.requests.average)} req/s\n`,
    );
    results.push({
      scenario: name,
      items,
      p50: alone.latency.p50,
      p99: alone.latency.p99,
      rps: Math.round(loaded.requests.average),
      loadedP50: loaded.latency.p50,
      loadedP99: loaded.latency.p99,
      errors: alone.errors + alone.timeouts + loaded.errors + loaded.timeouts,
      non2xx: alone.non2xx + loaded.non2xx,
    });
  }
  console.log(
    JSON.stringify({
      tickets: TICKETS,
      messages: TICKETS * MESSAGES_PER_TICKET,
      seedSeconds,
      connections: CONNECTIONS,
      seconds: DURATION,
      results,
    }),
  );
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
}
