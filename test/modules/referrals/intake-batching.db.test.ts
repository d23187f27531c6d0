// Group commit of the public intake: submissions written together keep the rules they have alone (daily
// limits, first referrer wins, one referrer per e-mail, honeypot), and one that fails fails alone.
import { and, count, eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../../src/modules/participants/schema.js";
import { programs } from "../../../src/modules/programs/schema.js";
import { IntakeBatcher } from "../../../src/modules/referrals/intake-batcher.js";
import { IntakePrograms } from "../../../src/modules/referrals/intake-programs.js";
import { ZReferralSubmission } from "../../../src/modules/referrals/referral-input.js";
import { consentRecords, referralEvents, referrals } from "../../../src/modules/referrals/schema.js";
import {
  type IntakeSubmission,
  type SubmissionResult,
  storeIntakeBatch,
} from "../../../src/modules/referrals/store-intake-batch.js";
import { auditLog } from "../../../src/platform/audit/schema.js";
import { rowsOf } from "../../../src/platform/db/raw-sql.js";
import { TooManyRequests } from "../../../src/platform/http/errors.js";
import { PgBossJobQueue } from "../../../src/platform/jobs/pg-boss-queue.js";
import { localJobs } from "../../../src/platform/jobs/schema.js";
import { makeProgram } from "../../support/factories.js";
import { cnpjFor, newCnpjRoot, validSubmission } from "../../support/referral-factory.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { testEngine } from "../../support/test-database.js";

describe(`intake batching (${testEngine})`, () => {
  let t: TestApp;
  let client = 0;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const submission = (slug: string, overrides: Record<string, unknown> = {}, ip?: string) => ({
    programSlug: slug,
    input: ZReferralSubmission.parse(validSubmission(overrides)),
    client: { ip: ip ?? `203.0.113.${(++client % 250) + 1}`, userAgent: "vitest" },
  });
  const store = (items: IntakeSubmission[]) => storeIntakeBatch(t.ctx, new IntakePrograms(), items);
  const programWith = async (settings: Partial<typeof programs.$inferInsert> = {}) => {
    const { program } = await makeProgram(t.ctx.db);
    if (Object.keys(settings).length > 0) {
      await t.ctx.db.update(programs).set(settings).where(eq(programs.id, program.id));
    }
    return program;
  };
  const referralsOf = (programId: string) =>
    t.ctx.db.select().from(referrals).where(eq(referrals.programId, programId));

  it("counts the batch's own submissions toward the referrer's daily limit, in batch order", async () => {
    const program = await programWith({ dailyReferralLimitPerReferrer: 2 });
    const referrerEmail = "batch.referrer@gmail.com";
    const outcomes = await store(
      Array.from({ length: 4 }, () => submission(program.slug, { referrerEmail })),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, false]);
    const refused = outcomes[2]!;
    expect(!refused.ok && refused.error).toBeInstanceOf(TooManyRequests);
    expect(await referralsOf(program.id)).toHaveLength(2);
    // The next batch sees the two stored ones.
    expect((await store([submission(program.slug, { referrerEmail })]))[0]!.ok).toBe(false);
  });

  it("counts the batch's own submissions toward the client address's daily limit", async () => {
    const program = await programWith({ dailyReferralLimitPerIp: 2 });
    const outcomes = await store(
      Array.from({ length: 3 }, () => submission(program.slug, {}, "198.51.100.7")),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false]);
  });

  it("two submissions of one company in a batch: the earlier holds it, the later points at it", async () => {
    const program = await programWith();
    const root = newCnpjRoot();
    const [first, second] = await store([
      submission(program.slug, { companyCnpj: cnpjFor(root, "0001") }),
      submission(program.slug, { companyCnpj: cnpjFor(root, "0002") }),
    ]);
    if (!first?.ok || !second?.ok) throw new Error("both should be accepted");
    const rows = await referralsOf(program.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first.value.id)!.duplicateOfId).toBeNull();
    expect(byId.get(second.value.id)!.duplicateOfId).toBe(first.value.id);
    // Batch order is kept in created_at (a microsecond apart), so "earliest" still means "first".
    const inOrder = await t.ctx.db
      .select({ id: referrals.id })
      .from(referrals)
      .where(eq(referrals.programId, program.id))
      .orderBy(referrals.createdAt);
    expect(inOrder.map((r) => r.id)).toEqual([first.value.id, second.value.id]);
  });

  it("a referral stored before the batch keeps the company over the batch's own", async () => {
    const program = await programWith();
    const [stored] = await store([submission(program.slug, { companyName: "Acme Sistemas Ltda" })]);
    const [a, b] = await store([
      submission(program.slug, { companyName: "ACME Sistemas" }),
      submission(program.slug, { companyName: "Acme Sistemas S.A." }),
    ]);
    if (!stored?.ok || !a?.ok || !b?.ok) throw new Error("all should be accepted");
    const rows = new Map((await referralsOf(program.id)).map((r) => [r.id, r]));
    expect(rows.get(a.value.id)!.duplicateOfId).toBe(stored.value.id);
    expect(rows.get(b.value.id)!.duplicateOfId).toBe(stored.value.id);
  });

  it("one referrer twice in a batch: one participant made of the first, each referral with its name and consents", async () => {
    const program = await programWith();
    const referrerEmail = "twice.in.batch@gmail.com";
    const outcomes = await store([
      submission(program.slug, { referrerEmail, referrerName: "Ana Antes" }),
      submission(program.slug, { referrerEmail: "Twice.In.Batch@gmail.com", referrerName: "Ana Depois" }),
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const people = await t.ctx.db
      .select()
      .from(participants)
      .where(and(eq(participants.programId, program.id), eq(participants.email, referrerEmail)));
    expect(people).toHaveLength(1);
    // As one at a time would leave it: the second, anonymous submission does not rename the first's.
    expect(people[0]!.name).toBe("Ana Antes");
    const rows = await referralsOf(program.id);
    expect(rows.map((r) => r.participantId)).toEqual([people[0]!.id, people[0]!.id]);
    expect(rows.map((r) => r.referrerName).sort()).toEqual(["Ana Antes", "Ana Depois"]);
    const [consents] = await t.ctx.db
      .select({ n: count() })
      .from(consentRecords)
      .where(eq(consentRecords.participantId, people[0]!.id));
    expect(consents!.n).toBe(6);
    const [events] = await t.ctx.db
      .select({ n: count() })
      .from(referralEvents)
      .where(eq(referralEvents.programId, program.id));
    expect(events!.n).toBe(2);
  });

  it("a honeypot hit in a batch is audited and answered like the others; nothing else is stored", async () => {
    const program = await programWith();
    const outcomes = await store([
      submission(program.slug),
      submission(program.slug, { website: "http://spam.example" }),
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await referralsOf(program.id)).toHaveLength(1);
    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.programId, program.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["referral.honeypot", "referral.submitted"]);
  });

  it("writes one checks job for the batch, naming each stored referral", async () => {
    const program = await programWith();
    const before = await t.ctx.db.select().from(localJobs).where(eq(localJobs.name, "referrals.run-checks"));
    const outcomes = await store([submission(program.slug), submission(program.slug)]);
    const ids = outcomes.map((o) => (o.ok ? o.value.id : ""));
    const jobs = await t.ctx.db.select().from(localJobs).where(eq(localJobs.name, "referrals.run-checks"));
    const added = jobs.filter((j) => !before.some((b) => b.id === j.id));
    expect(added).toHaveLength(1);
    expect((added[0]!.payload as { referralIds: string[] }).referralIds).toEqual(ids);
  });

  it("one submission that breaks the batch's statement fails alone; the others are stored", async () => {
    const program = await programWith();
    const batcher = new IntakeBatcher<IntakeSubmission, SubmissionResult>(
      (items) => storeIntakeBatch(t.ctx, new IntakePrograms(), items),
      { maxInFlight: 1, maxBatchSize: 10 },
    );
    // A NUL character cannot be stored in a PostgreSQL text value: the whole statement fails.
    const results = await Promise.allSettled([
      batcher.submit(submission(program.slug)),
      batcher.submit(submission(program.slug, { notes: "bad \u0000 byte" })),
      batcher.submit(submission(program.slug)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await referralsOf(program.id)).toHaveLength(2);
  });

  it("a program's changed settings apply to the very next submission", async () => {
    const program = await programWith();
    const submit = () =>
      t.app.inject({
        method: "POST",
        url: `/api/public/programs/${program.slug}/referrals`,
        remoteAddress: `192.0.2.${(++client % 250) + 1}`,
        payload: validSubmission(),
      });
    expect((await submit()).statusCode).toBe(201);
    await t.ctx.db.update(programs).set({ endsOn: "2022-01-01" }).where(eq(programs.id, program.id));
    const closed = await submit();
    expect(closed.statusCode).toBe(422);
    expect(closed.json().error.code).toBe("program_not_running");
    await t.ctx.db.update(programs).set({ endsOn: null }).where(eq(programs.id, program.id));
    expect((await submit()).statusCode).toBe(201);
  });

  it("answers each of many simultaneous submissions over HTTP with its own result", async () => {
    const program = await programWith({ dailyReferralLimitPerReferrer: 3 });
    const referrerEmail = "many.at.once@gmail.com";
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.app.inject({
          method: "POST",
          url: `/api/public/programs/${program.slug}/referrals`,
          remoteAddress: `192.0.2.${(++client % 250) + 1}`,
          payload: validSubmission(i < 6 ? { referrerEmail } : {}),
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(9);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    const ids = responses.filter((r) => r.statusCode === 201).map((r) => r.json().id);
    expect(new Set(ids).size).toBe(9);
    expect(await referralsOf(program.id)).toHaveLength(9);
  });

  it.skipIf(testEngine !== "postgres")(
    "writes the checks jobs through pg-boss in the batch's transaction",
    async () => {
      const url = (t.ctx.database as { url?: string }).url!;
      const queue = new PgBossJobQueue(url, pino({ level: "silent" }), { isWorker: false });
      try {
        const program = await programWith();
        const outcomes = await storeIntakeBatch({ ...t.ctx, jobs: queue }, new IntakePrograms(), [
          submission(program.slug),
          submission(program.slug),
        ]);
        const ids = outcomes.map((o) => (o.ok ? o.value.id : ""));
        const rows = rowsOf<{ referral_id: string }>(
          await t.ctx.db.execute(
            sql`select jsonb_array_elements_text(data->'referralIds') as referral_id from pgboss.job where name = 'referrals.run-checks'`,
          ),
        );
        expect(rows.map((r) => r.referral_id)).toEqual(expect.arrayContaining(ids));
      } finally {
        await queue.stop();
      }
    },
  );
});
