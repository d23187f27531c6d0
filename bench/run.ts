// npm run bench: measures the product on this machine and writes bench/RESULTS.md. Never part of CI.
// Scenarios run against a real server process on PostgreSQL (BENCH_DATABASE_URL, default: the local
// server's `test` database, in a fresh database) and on the embedded PGlite. `--scale` (or BENCH_SCALE=1)
// runs only the scale mode instead (bench/scale-scenario.ts): two web processes and one worker.
// `--digest` runs only the monthly digest scenario and rewrites only its section; `--intake` only the
// intake table at the top (BENCH_ENGINES=postgres skips PGlite).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import {
  BENCH_SECRET,
  CONNECTIONS,
  DURATION,
  peakRssMb,
  postgresCpuBetween,
  postgresCpuSeconds,
  processCpuSeconds,
  RESULT_TABLE_HEADER,
  type Result,
  randomIp,
  resultRow,
  root,
  sectionStart,
  startServer,
  stopProcess,
  withFreshPostgres,
} from "./bench-kit.js";
import { INBOUND_HEADING, type InboundResult, inboundMarkdown } from "./inbound-report.js";
import { intakeRequestSetup } from "./intake-body.js";
import { SCALE_HEADING, scaleScenario, scaleSectionOf, withScaleSection } from "./scale-scenario.js";

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
  // On PostgreSQL, its backends' CPU is read beside the server's and the load generator's.
  const database = env.DATABASE_URL ? new pg.Client({ connectionString: env.DATABASE_URL }) : undefined;
  await database?.connect();
  const results: Result[] = [];
  const measure = async (scenario: string, load: () => Promise<autocannon.Result>) => {
    const cpu = async () => ({
      server: processCpuSeconds(server.child.pid!),
      database: database ? await postgresCpuSeconds(database) : null,
      load: process.cpuUsage(),
    });
    const before = await cpu();
    const r = await load();
    const after = await cpu();
    const perRequest = (seconds: number) => Number(((1000 * seconds) / r.requests.total).toFixed(3));
    const loadCpu = process.cpuUsage(before.load);
    results.push({
      engine,
      scenario,
      rps: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      peakRssMb: peakRssMb(server.child),
      cpuMsPerRequest: {
        server: perRequest(after.server - before.server),
        database:
          after.database === null || before.database === null
            ? null
            : perRequest(postgresCpuBetween(before.database, after.database)),
        load: perRequest((loadCpu.user + loadCpu.system) / 1e6),
      },
    });
  };
  try {
    await run(`${server.url}/bench/bare`, "warm-up", { duration: 3 });
    await measure("bare route (GET)", () => run(`${server.url}/bench/bare`, "bare", {}));
    await measure("bare insert (POST, one row)", () =>
      run(`${server.url}/bench/insert`, "insert", { method: "POST" }),
    );
    await measure("intake (POST referral, unique companies)", () =>
      run(`${server.url}/api/public/programs/desk-manager/referrals`, "intake", {
        method: "POST",
        headers: { "content-type": "application/json" },
        requests: [
          {
            // At most ~5,000 referrals/s on this machine: enough bodies made before the run.
            setupRequest: intakeRequestSetup(DURATION * 5_000, randomIp),
          },
        ],
      }),
    );
  } finally {
    await database?.end();
    await stopProcess(server.child);
  }
  return results;
}

/**
 * Where each scenario's CPU went, per request: what bounds a ratio to the bare insert once the cores are
 * busy, whatever the latency.
 */
function cpuMarkdown(results: Result[]): string[] {
  const measured = results.filter((r) => r.cpuMsPerRequest);
  if (measured.length === 0) return [];
  const ms = (value: number | null) => (value === null ? "" : value.toFixed(3));
  return [
    "CPU per request (ms of one core), read from /proc over each run: the server process, PostgreSQL (the bench database's backends and its writers; PGlite runs inside the server) and the load generator.",
    "",
    "| engine | scenario | server | PostgreSQL | load generator | all |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
    ...measured.map((r) => {
      const c = r.cpuMsPerRequest!;
      return `| ${r.engine} | ${r.scenario} | ${ms(c.server)} | ${ms(c.database)} | ${ms(c.load)} | ${ms(c.server + (c.database ?? 0) + c.load)} |`;
    }),
    "",
  ];
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
    ...RESULT_TABLE_HEADER,
    ...results.map((r) => resultRow(r, bare(r.engine, "bare insert"))),
    "",
    ...cpuMarkdown(results),
    "Targets (issue: referral intake): intake ≥ 60% of the bare insert route's req/s, and p99 ≤ 1.5× its p99.",
    "Run it: `npm run bench` (PostgreSQL at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; BENCH_SECONDS to change the duration).",
    `Scale mode: \`npm run bench -- --scale\` (or BENCH_SCALE=1) runs only two web processes and one worker on one fresh PostgreSQL database and rewrites only the section "${SCALE_HEADING}" at the end of this file, which the default run keeps.`,
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
  composerCpuSeconds: number;
  databaseCpuSeconds: number;
  loadAverage: number[];
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
      APP_SECRET: BENCH_SECRET,
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

const DIGEST_HEADING = "## Monthly digest (PostgreSQL)";

function digestMarkdown(d: DigestResult): string {
  const millionSeconds = Math.round(1_000_000 / d.perSecond);
  return [
    DIGEST_HEADING,
    "",
    "| referrers | referrals | e-mails composed | seconds | referrers/s | peak RSS MB | 1M referrers (extrapolated) | composer CPU s | PostgreSQL CPU s | load average (1/5/15 min) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    `| ${d.referrers} | ${d.referrals} | ${d.composed} | ${d.seconds} | ${d.perSecond} | ${d.peakRssMb} | ${millionSeconds} s | ${d.composerCpuSeconds} | ${d.databaseCpuSeconds} | ${d.loadAverage.join(" / ")} |`,
    "",
    "CPU: the composing process's own, and that of the bench database's PostgreSQL backends; the load average is the machine's at the end. `npm run bench -- --digest` runs only this scenario and rewrites only this section.",
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

const HELPDESK_HEADING = "## Helpdesk list and search (PostgreSQL)";

function helpdeskMarkdown(h: HelpdeskResult): string {
  return [
    HELPDESK_HEADING,
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

/** Inbound e-mail through the HTTP door and one worker (bench/inbound-scenario.ts). */
async function inboundScenario(databaseUrl: string): Promise<InboundResult> {
  console.error("PostgreSQL: inbound e-mail…");
  const optional = (name: string) => (process.env[name] ? { [name]: process.env[name]! } : {});
  return scenarioProcess("bench/inbound-scenario.ts", databaseUrl, {
    ...optional("BENCH_INBOUND_MESSAGES"),
    ...optional("BENCH_INBOUND_TICKETS"),
  });
}

/** `previous` with the section under `heading` replaced by `section` (added before the scale section). */
function withSection(previous: string, heading: string, section: string): string {
  const at = sectionStart(previous, heading);
  const next = at === -1 ? -1 : previous.indexOf("\n## ", at + 1);
  return at === -1
    ? withScaleSection(`${withScaleSection(previous, null)}\n${section}`, scaleSectionOf(previous))
    : `${previous.slice(0, at)}${section}${next === -1 ? "" : previous.slice(next)}`;
}

/**
 * Sections written by hand (a before/after comparison of a refactoring): a full run keeps them as they
 * are, since no scenario measures them again.
 */
const KEPT_HEADINGS = ["## Before and after the architecture (issue 15)"];

/** The kept sections of `document`, each from its heading to the next section. */
function keptSections(document: string): string {
  return KEPT_HEADINGS.map((heading) => {
    const at = sectionStart(document, heading);
    if (at === -1) return "";
    const next = document.indexOf("\n## ", at + 1);
    return `\n${document.slice(at, next === -1 ? undefined : next + 1).replace(/\n*$/, "\n")}`;
  }).join("");
}

/** The intake table: the baselines and the intake on PostgreSQL, then on a fresh PGlite folder. */
async function intakeResults(): Promise<Result[]> {
  const results: Result[] = [];
  results.push(
    ...(await withFreshPostgres(pgUrl, (url) => benchEngine("PostgreSQL", { DATABASE_URL: url }))),
  );
  if (process.env.BENCH_ENGINES === "postgres") return results;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "corrente-bench-"));
  try {
    results.push(...(await benchEngine("PGlite", { DATA_DIR: dataDir })));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const resultsFile = path.join(root, "bench/RESULTS.md");
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : "";
if (process.argv.includes("--digest")) {
  // Only the monthly digest: its section is replaced (or added before the scale section).
  const section = digestMarkdown(await withFreshPostgres(pgUrl, (url) => digestScenario(url)));
  writeFileSync(resultsFile, withSection(previous, DIGEST_HEADING, section));
  console.log(section);
} else if (process.argv.includes("--helpdesk")) {
  const section = helpdeskMarkdown(await withFreshPostgres(pgUrl, (url) => helpdeskScenario(url)));
  writeFileSync(resultsFile, withSection(previous, HELPDESK_HEADING, section));
  console.log(section);
} else if (process.argv.includes("--inbound")) {
  const section = inboundMarkdown(await withFreshPostgres(pgUrl, (url) => inboundScenario(url)));
  writeFileSync(resultsFile, withSection(previous, INBOUND_HEADING, section));
  console.log(section);
} else if (process.argv.includes("--intake")) {
  // Only the intake table (both engines): the top of the file, up to the first section, is replaced.
  const results = await intakeResults();
  const firstSection = previous.indexOf("\n## ");
  writeFileSync(resultsFile, markdown(results) + (firstSection === -1 ? "" : previous.slice(firstSection)));
  console.log(markdown(results));
} else if (process.argv.includes("--scale") || process.env.BENCH_SCALE === "1") {
  const section = await withFreshPostgres(pgUrl, (url) => scaleScenario(url));
  writeFileSync(resultsFile, withScaleSection(previous, section));
  console.log(section);
} else {
  const results = await intakeResults();
  const digest = await withFreshPostgres(pgUrl, (url) => digestScenario(url));
  const helpdesk = await withFreshPostgres(pgUrl, (url) => helpdeskScenario(url));
  const inbound = await withFreshPostgres(pgUrl, (url) => inboundScenario(url));
  const measured = [
    markdown(results),
    digestMarkdown(digest),
    helpdeskMarkdown(helpdesk),
    inboundMarkdown(inbound),
  ];
  const report = measured.join("\n") + keptSections(previous);
  // The scale mode's section is measured on its own (npm run bench -- --scale): kept, not dropped.
  writeFileSync(resultsFile, withScaleSection(report, scaleSectionOf(previous)));
  console.log(report);
}
