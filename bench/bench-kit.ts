// What the benchmark scenarios share: starting the bench server in production mode, a fresh PostgreSQL
// database, a process's peak memory, the client addresses that keep load under the per-address limits,
// and one row of the results table.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort } from "../test/support/server-process.js";

export type Result = {
  engine: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  peakRssMb: number;
  /** CPU per request in ms, when measured: the server, PostgreSQL (null on PGlite), the load generator. */
  cpuMsPerRequest?: { server: number; database: number | null; load: number };
};

export const root = path.resolve(import.meta.dirname, "..");
export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = 50;
export const BENCH_SECRET = "bench-secret-bench-secret-bench-secret";

/** bench/bench-server.ts: the product's web process (role web) plus the two baseline routes. */
export async function startServer(env: Record<string, string>) {
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
      APP_SECRET: BENCH_SECRET,
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

export async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** The process's peak resident memory so far (Linux VmHWM), in MB. */
export function peakRssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  return Math.round(Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024);
}

/** CPU seconds a process has used so far (user + system, from /proc); 0 once it is gone. */
export function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime, in clock ticks of 1/100 s (Linux's USER_HZ).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used so far by each PostgreSQL process serving `client`'s database (the server's pool)
 * and by the server's own writers (WAL writer, checkpointer, background writer, autovacuum), which the
 * load's writes keep busy, by process id. Compare two readings with `postgresCpuBetween`.
 */
export async function postgresCpuSeconds(client: pg.Client): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>(
    `select pid from pg_stat_activity
     where (datname = current_database() and pid <> pg_backend_pid())
        or backend_type in ('walwriter', 'checkpointer', 'background writer', 'autovacuum worker')`,
  );
  return new Map(rows.map((row) => [row.pid, processCpuSeconds(row.pid)]));
}

/**
 * The CPU seconds PostgreSQL's processes used between two readings: a process started meanwhile counts
 * whole; one that ended meanwhile (an idle pool connection closed) is not counted.
 */
export function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, used] of after) seconds += used - (before.get(pid) ?? 0);
  return seconds;
}

export function randomIp() {
  return `10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${1 + Math.floor(Math.random() * 253)}`;
}

export async function withFreshPostgres<T>(baseUrl: string, work: (url: string) => Promise<T>): Promise<T> {
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

export const RESULT_TABLE_HEADER = [
  "| engine | scenario | req/s | vs bare insert | p50 ms | p99 ms | p99 vs bare insert | errors | non-2xx | server peak RSS MB |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
];

/** One row of the results table; the ratios are to `bareInsert`, the same engine's insert baseline. */
export function resultRow(r: Result, bareInsert: Result | undefined): string {
  const ratio = bareInsert ? `${Math.round((100 * r.rps) / bareInsert.rps)}%` : "";
  const p99Ratio = bareInsert ? `${(r.p99 / bareInsert.p99).toFixed(2)}×` : "";
  return `| ${r.engine} | ${r.scenario} | ${r.rps} | ${ratio} | ${r.p50} | ${r.p99} | ${p99Ratio} | ${r.errors} | ${r.non2xx} | ${r.peakRssMb} |`;
}

/**
 * Where the section titled `heading` starts in a results document: a heading is a line of its own, so a
 * sentence quoting it (the footer names the scale section) is not mistaken for it. -1 when absent.
 */
export function sectionStart(document: string, heading: string): number {
  if (document.startsWith(`${heading}\n`)) return 0;
  const at = document.indexOf(`\n${heading}\n`);
  return at === -1 ? -1 : at + 1;
}
