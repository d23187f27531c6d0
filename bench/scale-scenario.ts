// The scale mode of `npm run bench` (`-- --scale` or BENCH_SCALE=1): two web processes (production,
// role web: they only enqueue jobs) and one `corrente worker` on one fresh PostgreSQL database. The
// intake scenario is driven across both web processes at once; then the worker drains the jobs the load
// created (referral checks, then the contacts' e-mails). Correctness is checked after the run: every
// referral answered 201 is stored, no job failed, every e-mail was sent.
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { startWorkerProcess } from "../test/support/server-process.js";
import {
  BENCH_SECRET,
  CONNECTIONS,
  DURATION,
  peakRssMb,
  RESULT_TABLE_HEADER,
  type Result,
  randomIp,
  resultRow,
  sectionStart,
  startServer,
  stopProcess,
} from "./bench-kit.js";
import { intakeRequestSetup } from "./intake-body.js";

export const SCALE_HEADING = "## Scale: two web processes and one worker (PostgreSQL)";
const ENGINE = "PostgreSQL ×2 web + 1 worker";
const WEB_PROCESSES = 2;
/** Half of the default scenarios' connections on each web process: the same 50 in all. */
const CONNECTIONS_PER_WEB = CONNECTIONS / WEB_PROCESSES;
const DRAIN_TIMEOUT_SECONDS = Number(process.env.BENCH_SCALE_DRAIN_SECONDS ?? 900);
/** The jobs a referral causes: its checks, then the e-mail to the referred contact. */
const LOAD_JOBS = ["referrals.run-checks", "mail.send"];

type Drain = {
  referrals: number;
  /** Also those whose answer autocannon dropped when the time was up. */
  stored: number;
  jobs: number;
  backlogAtLoadEnd: number;
  drainSeconds: number;
  jobsPerSecond: number;
  retried: number;
  emails: number;
  peakRssMb: { web: number[]; worker: number };
};

type Load = { result: Result; acceptedIds: string[] };

/** One autocannon instance per web process at once: req/s summed, the worse p50 and p99, errors summed. */
async function loadAll(
  urls: string[],
  scenario: string,
  path: string,
  options: Partial<autocannon.Options>,
  webs: ChildProcess[],
): Promise<Result> {
  process.stderr.write(
    `  ${scenario}: ${options.duration ?? DURATION} s, ${urls.length} × ${CONNECTIONS_PER_WEB} connections… `,
  );
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({ url: `${url}${path}`, connections: CONNECTIONS_PER_WEB, duration: DURATION, ...options }),
    ),
  );
  const rps = Math.round(results.reduce((sum, r) => sum + r.requests.average, 0));
  process.stderr.write(`${rps} req/s\n`);
  return {
    engine: ENGINE,
    scenario,
    rps,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    peakRssMb: Math.max(...webs.map(peakRssMb)),
  };
}

async function intakeLoad(urls: string[], webs: ChildProcess[]): Promise<Load> {
  const acceptedIds: string[] = [];
  const result = await loadAll(
    urls,
    "intake (POST referral, unique companies)",
    "/api/public/programs/desk-manager/referrals",
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      requests: [
        {
          // At most ~5,000 referrals/s on this machine: enough bodies made before the run.
          setupRequest: intakeRequestSetup(DURATION * 5_000, randomIp),
          onResponse: (status, body) => {
            if (status === 201) acceptedIds.push((JSON.parse(body) as { id: string }).id);
          },
        },
      ],
    },
    webs,
  );
  return { result, acceptedIds };
}

type JobCounts = { pending: number; failed: number; total: number; retried: number };

async function jobCounts(db: pg.Client): Promise<JobCounts> {
  const { rows } = await db.query<JobCounts>(
    `select count(*) filter (where state in ('created', 'retry', 'active'))::int as pending,
            count(*) filter (where state = 'failed')::int as failed,
            count(*)::int as total,
            count(*) filter (where retry_count > 0)::int as retried
     from pgboss.job where name = any($1)`,
    [LOAD_JOBS],
  );
  return rows[0]!;
}

async function isDrained(db: pg.Client): Promise<boolean> {
  const { rows } = await db.query<{ unchecked: number; unsent: number }>(
    `select (select count(*) from referrals where checks_completed_at is null)::int as unchecked,
            (select count(*) from email_outbox where status = 'pending')::int as unsent`,
  );
  return rows[0]!.unchecked === 0 && rows[0]!.unsent === 0 && (await jobCounts(db)).pending === 0;
}

async function waitUntilDrained(db: pg.Client) {
  const deadline = Date.now() + DRAIN_TIMEOUT_SECONDS * 1000;
  while (!(await isDrained(db))) {
    if (Date.now() > deadline)
      throw new Error(`the worker did not drain the jobs in ${DRAIN_TIMEOUT_SECONDS} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every referral answered 201 is stored; no job failed; every e-mail was sent. Throws otherwise. */
async function checkCorrectness(db: pg.Client, acceptedIds: string[]) {
  const { rows } = await db.query<{ stored: number }>(
    "select count(*)::int as stored from referrals where id = any($1::uuid[])",
    [acceptedIds],
  );
  const problems: string[] = [];
  if (new Set(acceptedIds).size !== acceptedIds.length) problems.push("an id was answered twice");
  if (rows[0]!.stored !== acceptedIds.length)
    problems.push(`${acceptedIds.length - rows[0]!.stored} referrals answered 201 are not stored`);
  const jobs = await jobCounts(db);
  if (jobs.failed > 0) problems.push(`${jobs.failed} jobs failed`);
  const { rows: mail } = await db.query<{ failed: number }>(
    "select count(*)::int as failed from email_outbox where status <> 'sent'",
  );
  if (mail[0]!.failed > 0) problems.push(`${mail[0]!.failed} e-mails not sent`);
  if (problems.length > 0) throw new Error(`scale mode: ${problems.join("; ")}`);
}

type Stored = { referrals: number; emails: number };

async function stored(db: pg.Client): Promise<Stored> {
  const { rows } = await db.query<Stored>(
    `select (select count(*) from referrals)::int as referrals,
            (select count(*) from email_outbox where status = 'sent')::int as emails`,
  );
  return rows[0]!;
}

/** What the load created (the demo's own referrals and e-mails, written at start-up, left out). */
async function measureDrain(
  db: pg.Client,
  load: Load,
  before: Stored,
  window: { loadStartedAt: Date; loadEndedAt: Date },
  backlogAtLoadEnd: number,
): Promise<Omit<Drain, "peakRssMb">> {
  await waitUntilDrained(db);
  await checkCorrectness(db, load.acceptedIds);
  // From the jobs' own timestamps, not the polling: first job written to last job completed.
  const { rows } = await db.query<{ jobs: number; retried: number; first: Date; last: Date }>(
    `select count(*)::int as jobs, count(*) filter (where retry_count > 0)::int as retried,
            min(created_on) as first, max(completed_on) as last
     from pgboss.job where name = any($1) and created_on >= $2`,
    [LOAD_JOBS, window.loadStartedAt],
  );
  const { jobs, retried, first, last } = rows[0]!;
  const after = await stored(db);
  return {
    referrals: load.acceptedIds.length,
    stored: after.referrals - before.referrals,
    jobs,
    backlogAtLoadEnd,
    drainSeconds: Math.max(0, Math.round((last.getTime() - window.loadEndedAt.getTime()) / 100) / 10),
    jobsPerSecond: Math.round(jobs / ((last.getTime() - first.getTime()) / 1000)),
    retried,
    emails: after.emails - before.emails,
  };
}

export async function scaleScenario(databaseUrl: string): Promise<string> {
  console.error(`${ENGINE}:`);
  const env = { DATABASE_URL: databaseUrl };
  const webs: Awaited<ReturnType<typeof startServer>>[] = [];
  let worker: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    // One after the other: the first seeds the demo program, the second finds it.
    for (let i = 0; i < WEB_PROCESSES; i++) webs.push(await startServer(env));
    worker = await startWorkerProcess({
      ...env,
      NODE_ENV: "production",
      APP_URL: webs[0]!.url,
      APP_SECRET: BENCH_SECRET,
    });
    await db.connect();
    const urls = webs.map((w) => w.url);
    const children = webs.map((w) => w.child);
    await loadAll(urls, "warm-up", "/bench/bare", { duration: 3 }, children);
    const insert = await loadAll(
      urls,
      "bare insert (POST, one row)",
      "/bench/insert",
      { method: "POST" },
      children,
    );
    await waitUntilDrained(db); // the demo's own jobs, from start-up
    const before = await stored(db);
    const loadStartedAt = new Date();
    const intake = await intakeLoad(urls, children);
    const loadEndedAt = new Date();
    const backlog = (await jobCounts(db)).pending;
    console.error(`  draining ${backlog} jobs left at the end of the load…`);
    const drain = await measureDrain(db, intake, before, { loadStartedAt, loadEndedAt }, backlog);
    const peak = { web: children.map(peakRssMb), worker: peakRssMb(worker.child) };
    console.error(`  drained in ${drain.drainSeconds} s, ${drain.jobsPerSecond} jobs/s`);
    return scaleMarkdown([insert, intake.result], { ...drain, peakRssMb: peak });
  } finally {
    await db.end().catch(() => {});
    await Promise.all([...webs.map((w) => stopProcess(w.child)), worker?.stop()]);
  }
}

function scaleMarkdown(results: Result[], d: Drain): string {
  const insert = results.find((r) => r.scenario.startsWith("bare insert"));
  return [
    SCALE_HEADING,
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} cores, Node ${process.version}, with \`npm run bench -- --scale\`: two web processes (production mode, role web: they only enqueue jobs) and one \`corrente worker\` on one fresh PostgreSQL database, all sharing the cores with the load generator. Two autocannon instances of ${CONNECTIONS_PER_WEB} connections each for ${DURATION} s, one per web process, at once: req/s summed, the worse p50 and p99 of the two, errors summed, the larger web peak RSS. The worker runs during the load and then drains what is left.`,
    "",
    ...RESULT_TABLE_HEADER,
    ...results.map((r) => resultRow(r, insert)),
    "",
    "| referrals answered 201 | referrals stored | jobs (checks + e-mails) | left at end of load | drain after load s | jobs/s (first job to last done) | jobs retried | e-mails sent | peak RSS MB: web 1 / web 2 / worker |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    `| ${d.referrals} | ${d.stored} | ${d.jobs} | ${d.backlogAtLoadEnd} | ${d.drainSeconds} | ${d.jobsPerSecond} | ${d.retried} | ${d.emails} | ${[...d.peakRssMb.web, d.peakRssMb.worker].join(" / ")} |`,
    "",
    "Checked after the run: every referral answered 201 is in the database, no job failed, every e-mail was sent. More are stored than answered: autocannon drops the answers still in flight when its time is up.",
    "",
  ].join("\n");
}

/** The scale section of a RESULTS.md document (from its heading to the end), or null. */
export function scaleSectionOf(document: string): string | null {
  const at = sectionStart(document, SCALE_HEADING);
  return at === -1 ? null : document.slice(at);
}

/** `document` without its scale section, followed by `section` when given. */
export function withScaleSection(document: string, section: string | null): string {
  const at = sectionStart(document, SCALE_HEADING);
  const rest = (at === -1 ? document : document.slice(0, at)).replace(/\n*$/, "\n");
  return section ? `${rest}\n${section}` : rest;
}
