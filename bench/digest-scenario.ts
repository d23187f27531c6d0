// The monthly digest at scale (issue: portal and monthly e-mail): N referrers with 5 referrals each,
// seeded with set-based SQL, then composed into the outbox by the same code the job and the CLI run.
// Run as its own process (`tsx bench/digest-scenario.ts`) so its peak memory is the composer's; prints
// one JSON line. DATABASE_URL must point at a fresh database.
import { readFileSync } from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import { createAppContext } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { seedDemo } from "../src/demo/seed-demo.js";
import { composeMonthlyDigests } from "../src/modules/notifications/index.js";
import { rowsOf } from "../src/platform/db/raw-sql.js";

const REFERRERS = Number(process.env.BENCH_DIGEST_REFERRERS ?? 100_000);
const PER_REFERRER = 5;
const MONTH = "2026-10";

const ctx = await createAppContext(loadConfig(), { role: "cli" });
await seedDemo(ctx.db, { adminPassword: "bench-admin-password" });
const seedStarted = performance.now();
await ctx.db.execute(sql`
  insert into participants (organization_id, program_id, email, name, phone, locale)
  select p.organization_id, p.id, 'bench' || g || '@example.com', 'Referrer ' || g, '+5511987654321',
         case when g % 10 = 0 then 'en' else 'pt-BR' end
  from programs p, generate_series(1, ${REFERRERS}) g where p.slug = 'desk-manager'`);
await ctx.db.execute(sql`
  insert into referrals (organization_id, program_id, participant_id, status, reason, company_name,
    company_name_normalized, contact_name, contact_role, contact_department, contact_email, contact_phone,
    company_size, referrer_is_customer, created_at, updated_at)
  select pa.organization_id, pa.program_id, pa.id,
         (case k % 3 when 0 then 'in_progress' when 1 then 'qualified' else 'not_qualified' end)::referral_status,
         case k % 3 when 2 then 'outside_profile' end,
         'Empresa ' || substr(pa.id::text, 1, 8) || '-' || k, 'empresa ' || substr(pa.id::text, 1, 8) || ' ' || k,
         'Contato', 'Gerente de TI', 'it', 'contato' || k || '@' || substr(pa.id::text, 1, 8) || '.example.com',
         '+551133334444', 'large', true, timestamptz '2026-10-15 12:00:00+00', now()
  from participants pa, generate_series(1, ${PER_REFERRER}) k where pa.email like 'bench%'`);
await ctx.db.execute(sql`analyze`);
const seedSeconds = (performance.now() - seedStarted) / 1000;

// CPU time as well as wall time: the machine may be shared, and the composer and PostgreSQL share
// its cores. PostgreSQL's share is the CPU of this database's backends (read from /proc, same host).
const databaseCpuSeconds = async () => {
  const pids = rowsOf<{ pid: number }>(
    await ctx.db.execute(sql`select pid from pg_stat_activity where datname = current_database()`),
  );
  let ticks = 0;
  for (const { pid } of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A backend that ended meanwhile.
    }
  }
  return ticks / 100;
};
const databaseCpuBefore = await databaseCpuSeconds();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const totals = await composeMonthlyDigests(ctx, MONTH);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const databaseCpu = (await databaseCpuSeconds()) - databaseCpuBefore;
const peakRssMb = Math.round(
  Number(readFileSync("/proc/self/status", "utf8").match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024,
);
console.log(
  JSON.stringify({
    referrers: REFERRERS,
    referrals: REFERRERS * PER_REFERRER,
    composed: totals.composed,
    seedSeconds: Math.round(seedSeconds * 10) / 10,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(totals.composed / seconds),
    peakRssMb,
    composerCpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    databaseCpuSeconds: Math.round(databaseCpu * 10) / 10,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  }),
);
process.exit(0);
