import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referrals } from "../../../src/modules/referrals/schema.js";
import { openDatabase } from "../../../src/platform/db/client.js";
import { makeProgram } from "../../support/factories.js";
import { cnpjFor, newCnpjRoot, validSubmission } from "../../support/referral-factory.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { testEngine } from "../../support/test-database.js";

describe(`first referrer wins under concurrency (${testEngine})`, () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await createTestApp();
    // On PostgreSQL a second app with its own connection pool stands for a second server process.
    const url = (first.ctx.database as { url?: string }).url;
    second = url
      ? await createTestApp({}, { database: await openDatabase({ databaseUrl: url, dataDir: "" }) })
      : first;
  });
  afterAll(async () => {
    if (second !== first) await second.close();
    await first.close();
  });

  it("50 simultaneous referrals of one CNPJ root through two app instances produce exactly one winner", async () => {
    const { program } = await makeProgram(first.ctx.db);
    const root = newCnpjRoot();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 === 0 ? first : second).app.inject({
          method: "POST",
          url: `/api/public/programs/${program.slug}/referrals`,
          remoteAddress: `192.0.2.${i + 1}`,
          payload: validSubmission({ companyCnpj: cnpjFor(root, String(i + 1).padStart(4, "0")) }),
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    await first.drainJobs();
    if (second !== first) await second.drainJobs();

    const rows = await first.ctx.db.select().from(referrals).where(eq(referrals.programId, program.id));
    expect(rows).toHaveLength(50);
    const winners = rows.filter((r) => r.duplicateOfId === null);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.status).toBe("in_progress");
    const losers = rows.filter((r) => r.duplicateOfId !== null);
    expect(losers.every((r) => r.duplicateOfId === winners[0]!.id)).toBe(true);
    expect(losers.every((r) => r.status === "not_qualified" && r.reason === "already_referred")).toBe(true);
  });
});
