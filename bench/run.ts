// npm run bench: measures the product on this machine and writes bench/RESULTS.md. Never part of CI.
// Scenarios run against a real server process on PostgreSQL (BENCH_DATABASE_URL, default: the local
// server's `test` database, in a fresh database) and on the embedded PGlite.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { freePort } from "../test/support/server-process.js";
import { intakeBody } from "./intake-body.js";

type Result = {
  engine: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  peakRssMb: number;
};

const root = path.resolve(import.meta.dirname, "..");
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  // node itself (not the tsx wrapper), so /proc/<pid> is the server's own memory.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench/bench-server.ts")], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      APP_SECRET: "bench-secret-bench-secret-bench-secret",
      TRUST_PROXY: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("bench server ready") && resolve());
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** The server's peak resident memory so far (Linux VmHWM), in MB. */
function peakRssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  return Math.round(Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024);
}

function randomIp() {
  return `10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${1 + Math.floor(Math.random() * 253)}`;
}

async function run(
  url: string,
  scenario: string,
  options: Partial<autocannon.Options>,
): Promise<autocannon.Result> {
  process.stderr.write(`  ${scenario}: ${DURATION} s, ${CONNECTIONS} connections… `);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...options });
  process.stderr.write(`${Math.round(result.requests.average)} req/s\n`);
  return result;
}

async function benchEngine(engine: string, env: Record<string, string>): Promise<Result[]> {
  console.error(`${engine}:`);
  const server = await startServer(env);
  const results: Result[] = [];
  const record = (scenario: string, r: autocannon.Result) =>
    results.push({
      engine,
      scenario,
      rps: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      peakRssMb: peakRssMb(server.child),
    });
  try {
    await run(`${server.url}/bench/bare`, "warm-up", { duration: 3 });
    record("bare route (GET)", await run(`${server.url}/bench/bare`, "bare", {}));
    record(
      "bare insert (POST, one row)",
      await run(`${server.url}/bench/insert`, "insert", { method: "POST" }),
    );
    record(
      "intake (POST referral, unique companies)",
      await run(`${server.url}/api/public/programs/desk-manager/referrals`, "intake", {
        method: "POST",
        headers: { "content-type": "application/json" },
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, "x-forwarded-for": randomIp() },
              body: JSON.stringify(intakeBody(randomUUID().replaceAll("-", ""))),
            }),
          },
        ],
      }),
    );
  } finally {
    server.child.kill("SIGTERM");
    await new Promise((resolve) => server.child.once("exit", resolve));
  }
  return results;
}

async function withFreshPostgres<T>(baseUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `corrente_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function markdown(results: Result[]): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const bare = (engine: string, scenario: string) =>
    results.find((r) => r.engine === engine && r.scenario.startsWith(scenario));
  const lines = [
    "# Benchmark results",
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; autocannon with ${CONNECTIONS} connections for ${DURATION} s per scenario, sharing the cores with the server (one server process, production mode).`,
    "",
    "| engine | scenario | req/s | vs bare insert | p50 ms | p99 ms | p99 vs bare insert | errors | non-2xx | server peak RSS MB |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.map((r) => {
      const base = bare(r.engine, "bare insert");
      const ratio = base ? `${Math.round((100 * r.rps) / base.rps)}%` : "";
      const p99Ratio = base ? `${(r.p99 / base.p99).toFixed(2)}×` : "";
      return `| ${r.engine} | ${r.scenario} | ${r.rps} | ${ratio} | ${r.p50} | ${r.p99} | ${p99Ratio} | ${r.errors} | ${r.non2xx} | ${r.peakRssMb} |`;
    }),
    "",
    "Targets (issue: referral intake): intake ≥ 60% of the bare insert route's req/s, and p99 ≤ 1.5× its p99.",
    "Run it: `npm run bench` (PostgreSQL at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; BENCH_SECONDS to change the duration).",
    "",
  ];
  return lines.join("\n");
}

type DigestResult = {
  referrers: number;
  referrals: number;
  composed: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
};

/**
 * A scenario that runs in its own process (so its peak memory is its own) on `databaseUrl`, in
 * production mode, and prints its result as one JSON line last.
 */
async function scenarioProcess<T>(
  script: string,
  databaseUrl: string,
  env: Record<string, string>,
): Promise<T> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, script)], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      APP_URL: "http://bench.local",
      APP_SECRET: "bench-secret-bench-secret-bench-secret",
      DATABASE_URL: databaseUrl,
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return JSON.parse(output.trim().split("\n").at(-1)!) as T;
}

/** The monthly digest composed for N referrers (bench/digest-scenario.ts). */
function digestScenario(databaseUrl: string): Promise<DigestResult> {
  console.error("PostgreSQL: monthly digest…");
  return scenarioProcess("bench/digest-scenario.ts", databaseUrl, {
    BENCH_DIGEST_REFERRERS: process.env.BENCH_DIGEST_REFERRERS ?? "100000",
  });
}

function digestMarkdown(d: DigestResult): string {
  const millionSeconds = Math.round(1_000_000 / d.perSecond);
  return [
    "## Monthly digest (PostgreSQL)",
    "",
    "| referrers | referrals | e-mails composed | seconds | referrers/s | peak RSS MB | 1M referrers (extrapolated) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    `| ${d.referrers} | ${d.referrals} | ${d.composed} | ${d.seconds} | ${d.perSecond} | ${d.peakRssMb} | ${millionSeconds} s |`,
    "",
    "Target (issue: portal and monthly e-mail): 1M referrers in under 2 minutes, with flat memory.",
    "",
  ].join("\n");
}

type HelpdeskResult = {
  tickets: number;
  messages: number;
  seedSeconds: number;
  connections: number;
  results: {
    scenario: string;
    items: number | null;
    p50: number;
    p99: number;
    rps: number;
    loadedP50: number;
    loadedP99: number;
    errors: number;
    non2xx: number;
  }[];
};

/** The helpdesk list and search over a million tickets (bench/helpdesk-scenario.ts). */
function helpdeskScenario(databaseUrl: string): Promise<HelpdeskResult> {
  console.error("PostgreSQL: helpdesk at scale…");
  const optional = (name: string) => (process.env[name] ? { [name]: process.env[name]! } : {});
  return scenarioProcess("bench/helpdesk-scenario.ts", databaseUrl, {
    BENCH_SECONDS: String(DURATION),
    ...optional("BENCH_HELPDESK_TICKETS"),
    ...optional("BENCH_HELPDESK_CONNECTIONS"),
  });
}

function helpdeskMarkdown(h: HelpdeskResult): string {
  return [
    "## Helpdesk list and search (PostgreSQL)",
    "",
    `${h.tickets.toLocaleString("en")} tickets and ${h.messages.toLocaleString("en")} messages, seeded with COPY in ${h.seedSeconds} s (indexes rebuilt after the load). Requests to \`GET /api/admin/tickets\` as a signed-in agent, 25 per page; latency first with one connection (what one agent sees), then throughput and latency with ${h.connections} connections at once.`,
    "",
    `| scenario | items | p50 ms | p99 ms | req/s (${h.connections} conn.) | p50 ms (${h.connections}) | p99 ms (${h.connections}) | errors | non-2xx |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...h.results.map(
      (r) =>
        `| ${r.scenario} | ${r.items ?? ""} | ${r.p50} | ${r.p99} | ${r.rps} | ${r.loadedP50} | ${r.loadedP99} | ${r.errors} | ${r.non2xx} |`,
    ),
    "",
    "Target (issue: helpdesk for referrers): p99 ≤ 15 ms for the list.",
    "",
  ].join("\n");
}

const results: Result[] = [];
const pgUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
results.push(...(await withFreshPostgres(pgUrl, (url) => benchEngine("PostgreSQL", { DATABASE_URL: url }))));
const dataDir = mkdtempSync(path.join(os.tmpdir(), "corrente-bench-"));
try {
  results.push(...(await benchEngine("PGlite", { DATA_DIR: dataDir })));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const digest = await withFreshPostgres(pgUrl, (url) => digestScenario(url));
const helpdesk = await withFreshPostgres(pgUrl, (url) => helpdeskScenario(url));
const report = `${markdown(results)}\n${digestMarkdown(digest)}\n${helpdeskMarkdown(helpdesk)}`;
writeFileSync(path.join(root, "bench/RESULTS.md"), report);
console.log(report);
