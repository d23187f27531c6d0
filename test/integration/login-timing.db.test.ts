// Security review (issue: proof): the time a sign-in takes to answer must not tell whether an account
// exists. Both sign-ins are timed in-process (app.inject: the server's own time, no network), asking
// alternately for an existing and a missing account in random order within each pair, so a slower
// machine or a burst of load from other work slows both sides of a pair alike. The statistic is the
// median of the paired differences, which a few stalls (GC, a busy core) cannot move.
//
// The thresholds come from the mechanism that would leak, measured in the same run on the same
// machine, not from fixed milliseconds that a loaded 2-core CI machine would break:
// - staff: a leak is an unknown e-mail skipping the argon2 verification (the dominant cost of the
//   request). Both paths must spend it, so the difference must stay under half of one verification.
// - referrers: the route answers 202 after only enqueueing the link job, whatever the address; a leak
//   is doing the link's work (participant lookup, link, e-mail, audit) before answering for a known
//   address. The difference must stay under half of that work, timed by running the job's handler.
//   A smaller leak (say, one lookup before answering) hides under the noise of a loaded machine, so
//   the same test also checks what the requests wrote: one job each, and for the known address no
//   link and no e-mail before the job runs. That part is exact, whatever the machine's load.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignInLinkHandler } from "../../src/modules/participants/index.js";
import { portalSignInLinks } from "../../src/modules/participants/schema.js";
import { hashPassword, verifyPassword } from "../../src/platform/crypto/passwords.js";
import { localJobs } from "../../src/platform/jobs/schema.js";
import { emailOutbox } from "../../src/platform/mail/schema.js";
import { makeOrganization, makeParticipant, makeProgram, makeStaff, unique } from "../support/factories.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * `rounds` rounds of one request for an existing and one for a missing account (and, when given, one
 * run of `reference`, the work a leak would skip or add), in random order within each round; returns
 * each one's times and the per-round differences (existing − missing).
 */
async function pairedTimes(
  rounds: number,
  existing: () => Promise<unknown>,
  missing: () => Promise<unknown>,
  reference?: () => Promise<unknown>,
) {
  const result = {
    existing: [] as number[],
    missing: [] as number[],
    reference: [] as number[],
    differences: [] as number[],
  };
  for (let i = 0; i < rounds; i++) {
    const tasks = [
      { work: existing, times: result.existing },
      { work: missing, times: result.missing },
      ...(reference ? [{ work: reference, times: result.reference }] : []),
    ];
    for (let j = tasks.length - 1; j > 0; j--) {
      const k = Math.floor(Math.random() * (j + 1));
      [tasks[j], tasks[k]] = [tasks[k]!, tasks[j]!];
    }
    for (const task of tasks) task.times.push(await timed(task.work));
    result.differences.push(result.existing.at(-1)! - result.missing.at(-1)!);
  }
  return result;
}

describe("sign-in answer timing does not reveal whether an account exists", () => {
  let t: TestApp;
  // A new client address per request keeps the measurement clear of the sign-ins' rate limits.
  let client = 0;
  const nextAddress = () => {
    client++;
    return `10.77.${Math.floor(client / 250) % 250}.${(client % 250) + 1}`;
  };
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("staff: a wrong password and an unknown e-mail take the same time (both spend one argon2 verification)", async () => {
    const org = await makeOrganization(t.ctx.db);
    // One account per round: ten failures lock an e-mail (issue 16.5), and a locked e-mail answers at
    // once, known or not (sign-in-lockout). Unknown e-mails are new every round too.
    const accounts: { email: string }[] = [];
    for (let i = 0; i < 43; i++) accounts.push(await makeStaff(t.ctx.db, org.id));
    const signIn = (email: string) => async () => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/admin/login",
        remoteAddress: nextAddress(),
        payload: { email, password: "not-the-password" },
      });
      expect(response.statusCode).toBe(401);
    };
    const existing = () => signIn(accounts.pop()!.email)();
    const missing = () => signIn(`${unique("nobody")}@example.com`)();

    // What a leak would save: one verification with the product's parameters, timed in the same
    // rounds as the requests, so a machine that slows down slows all three alike.
    const hash = await hashPassword("calibration-password");
    const verify = () => verifyPassword(hash, "wrong");
    await pairedTimes(3, existing, missing, verify); // warm-up: JIT, the dummy hash made on first use
    const measured = await pairedTimes(40, existing, missing, verify);
    const verification = median(measured.reference);
    const difference = Math.abs(median(measured.differences));

    const report = `existing ${median(measured.existing).toFixed(1)} ms, missing ${median(measured.missing).toFixed(1)} ms, paired difference ${difference.toFixed(1)} ms, one verification ${verification.toFixed(1)} ms`;
    expect(difference, report).toBeLessThan(verification / 2);
    // Both sides really do the verification: neither answers faster than most of one.
    expect(median(measured.missing), report).toBeGreaterThan(verification / 2);
  }, 120_000);

  it("referrers: a known and an unknown address take the same time (the link's work happens after the answer)", async () => {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    const requestLink = (email: string) => async () => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/portal/login",
        remoteAddress: nextAddress(),
        payload: { programSlug: program.slug, email },
      });
      expect(response.statusCode).toBe(202);
    };
    const existing = requestLink(participant.email);
    const missing = () => requestLink(`${unique("stranger")}@example.com`)();

    // What a leak would add: the link's work for a known address, i.e. the job's handler, timed on
    // fresh referrers (each gets one link; the hourly cap would otherwise cut the work short).
    const sendLink = createSignInLinkHandler(t.ctx);
    const linkWork: number[] = [];
    for (let i = 0; i < 15; i++) {
      const someone = await makeParticipant(t.ctx.db, scope);
      const payload = { programId: program.id, email: someone.email, locale: "pt-BR" };
      linkWork.push(await timed(() => sendLink(payload)));
    }
    const work = median(linkWork.slice(3)); // the first runs warm up

    await pairedTimes(10, existing, missing); // warm-up
    const jobsBefore = await t.ctx.db.$count(localJobs);
    const measured = await pairedTimes(150, existing, missing);
    const difference = Math.abs(median(measured.differences));

    const report = `known ${median(measured.existing).toFixed(2)} ms, unknown ${median(measured.missing).toFixed(2)} ms, paired difference ${difference.toFixed(2)} ms, the link's work ${work.toFixed(2)} ms`;
    expect(difference, report).toBeLessThan(work / 2);
    // Before its job runs, a request leaves one job and nothing that depends on the address.
    expect(await t.ctx.db.$count(localJobs)).toBe(jobsBefore + 300);
    expect(
      await t.ctx.db.$count(portalSignInLinks, eq(portalSignInLinks.participantId, participant.id)),
      "a known address got a link before the job ran",
    ).toBe(0);
    expect(await t.ctx.db.$count(emailOutbox, eq(emailOutbox.participantId, participant.id))).toBe(0);
  }, 120_000);
});
