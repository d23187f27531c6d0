// Proof across real processes on one PostgreSQL (issue: proof): a server killed with SIGKILL mid-load
// loses no referral it answered 201 and no e-mail; two server processes agree on the first referrer;
// two digest runs at once write one e-mail per referrer.
import { spawn } from "node:child_process";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referrals } from "../../src/modules/referrals/schema.js";
import { rowsOf } from "../../src/platform/db/raw-sql.js";
import { makeProgram } from "../support/factories.js";
import { cnpjFor, newCnpjRoot, validSubmission } from "../support/referral-factory.js";
import { startServerProcess, startWorkerProcess } from "../support/server-process.js";
import { openTestDatabase, type TestDatabase, testEngine } from "../support/test-database.js";

const randomIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

async function until(
  check: () => Promise<boolean>,
  what: string,
  seconds = 90,
  explain?: () => Promise<string>,
) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}${explain ? `: ${await explain()}` : ""}`);
}

describe.skipIf(testEngine !== "postgres")("crash safety and races across processes", () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await openTestDatabase();
    env = {
      DATABASE_URL: database.url!,
      TRUST_PROXY: "true",
      APP_SECRET: "processes-test-secret-processes-test",
    };
  });
  afterAll(() => database?.close());

  const count = async (query: ReturnType<typeof sql>) =>
    rowsOf<{ n: number }>(await database.db.execute(query))[0]!.n;
  const submit = (url: string, slug: string, body: object) =>
    fetch(`${url}/api/public/programs/${slug}/referrals`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": randomIp() },
      body: JSON.stringify(body),
    });

  it("a SIGKILL mid-load loses no accepted referral, and every e-mail goes out once after restart", async () => {
    const { program } = await makeProgram(database.db);
    const server = await startServerProcess({ env });
    const worker = await startWorkerProcess(env);
    const accepted: string[] = [];
    let running = true;
    const driver = async () => {
      while (running) {
        try {
          const response = await submit(server.url, program.slug, validSubmission());
          if (response.status === 201) accepted.push(((await response.json()) as { id: string }).id);
        } catch {
          // the connection died with the server: this request was never acknowledged
        }
      }
    };
    const drivers = Array.from({ length: 8 }, driver);
    await until(async () => accepted.length >= 40, "40 accepted referrals", 60);
    server.child.kill("SIGKILL");
    worker.child.kill("SIGKILL");
    running = false;
    await Promise.all(drivers);
    await server.stop();
    await worker.stop();

    const restarted = await startServerProcess({ env });
    const restartedWorker = await startWorkerProcess(env);
    try {
      const stored = await database.db
        .select({ id: referrals.id })
        .from(referrals)
        .where(eq(referrals.programId, program.id));
      const storedIds = new Set(stored.map((r) => r.id));
      expect(accepted.filter((id) => !storedIds.has(id))).toEqual([]);
      await until(
        async () =>
          (await count(
            sql`select count(*)::int as n from referrals where program_id = ${program.id} and checks_completed_at is null`,
          )) === 0 &&
          (await count(sql`select count(*)::int as n from email_outbox where status <> 'sent'`)) === 0,
        "checks and e-mails after the restart",
        150,
        async () =>
          JSON.stringify(
            rowsOf(
              await database.db.execute(
                sql`select name, state, count(*)::int as n from pgboss.job group by 1, 2`,
              ),
            ),
          ),
      );
      const outbox = await count(
        sql`select count(*)::int as n from email_outbox where program_id = ${program.id}`,
      );
      expect(outbox).toBeGreaterThanOrEqual(accepted.length); // one notice per referred contact at least
      const delivered = rowsOf<{ message_id: string; copies: number }>(
        await database.db.execute(sql`select o.message_id, count(m.id)::int as copies from email_outbox o
          left join dev_mailbox m on m.message_id = o.message_id where o.program_id = ${program.id} group by o.message_id`),
      );
      expect(delivered.filter((d) => d.copies !== 1)).toEqual([]);
    } finally {
      await restarted.stop();
      await restartedWorker.stop();
    }
  }, 240_000);

  it("two server processes referring one company many ways at once keep exactly one winner", async () => {
    const { program } = await makeProgram(database.db);
    const [a, b] = await Promise.all([startServerProcess({ env }), startServerProcess({ env })]);
    const worker = await startWorkerProcess(env);
    try {
      const root = newCnpjRoot();
      const responses = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          submit(
            i % 2 ? a.url : b.url,
            program.slug,
            validSubmission({ companyCnpj: cnpjFor(root, String(i + 1).padStart(4, "0")) }),
          ),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(24).fill(201));
      await until(
        async () =>
          (await count(
            sql`select count(*)::int as n from referrals where program_id = ${program.id} and checks_completed_at is null`,
          )) === 0,
        "checks",
      );
      const rows = await database.db.select().from(referrals).where(eq(referrals.programId, program.id));
      const winners = rows.filter((r) => r.duplicateOfId === null);
      expect(winners).toHaveLength(1);
      expect(winners[0]!.status).toBe("in_progress");
      expect(
        rows.filter((r) => r.status === "not_qualified" && r.reason === "already_referred"),
      ).toHaveLength(23);
    } finally {
      await Promise.all([a.stop(), b.stop(), worker.stop()]);
    }
  }, 180_000);

  it("two digest runs at once compose one e-mail per referrer", async () => {
    const count0 = await count(sql`select count(*)::int as n from participants where status = 'active'`);
    const root = path.resolve(import.meta.dirname, "../..");
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", path.join(root, "src/main.ts"), "digest", "--month", "2030-01"],
          {
            cwd: root,
            env: {
              PATH: process.env.PATH ?? "",
              HOME: process.env.HOME ?? "",
              NODE_ENV: "test",
              LOG_LEVEL: "warn",
              APP_URL: "http://127.0.0.1:1",
              ...env,
            },
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        child.once("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(output))));
      });
    const outputs = await Promise.all([run(), run()]);
    expect(outputs.join("\n")).toMatch(/Monthly digest 2030-01/);
    const digests = await count(sql`select count(*)::int as n from monthly_digests where month = '2030-01'`);
    const distinct = await count(
      sql`select count(distinct participant_id)::int as n from monthly_digests where month = '2030-01'`,
    );
    const mails = await count(
      sql`select count(*)::int as n from email_outbox where template = 'notifications.monthly-digest'`,
    );
    expect(digests).toBe(distinct);
    expect(digests).toBe(count0);
    expect(mails).toBe(digests);
  }, 120_000);
});
