// Helpers for sales back-office and reward tests: a referral submitted through the public API with its
// checks run, staff and referrer sessions, and authenticated calls.
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { openParticipantSession } from "../../src/modules/participants/participant-sessions.js";
import { csrfTokenFor } from "../../src/platform/http/auth-guard.js";
import { makeStaff, signInAsStaff } from "./factories.js";
import { validSubmission } from "./referral-factory.js";
import type { TestApp } from "./test-app.js";

export type Auth = { cookie: string; csrfToken: string };

/** The notices that wait the program's delay after the checks (decision and contact notices). */
export const DELAYED_NOTICE_JOBS = ["referrals.decision-notice", "referrals.contact-notice"];

/** As if the program's delay had passed: the waiting notice jobs become due, and every due job runs. */
export async function runDelayedNotices(t: TestApp): Promise<number> {
  await t.drainJobs(); // the checks that schedule them
  await t.ctx.db.execute(sql`update local_jobs set run_after = now()
    where status = 'queued' and name in (${sql.join(
      DELAYED_NOTICE_JOBS.map((name) => sql`${name}`),
      sql`, `,
    )})`);
  return t.drainJobs();
}
let client = 0;

/** Submits through the public API and runs the checks job; returns the referral id. */
export async function submitChecked(t: TestApp, slug: string, override: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/public/programs/${slug}/referrals`,
    remoteAddress: `198.18.1.${(++client % 250) + 1}`,
    payload: validSubmission(override),
  });
  if (response.statusCode !== 201) throw new Error(`submission failed: ${response.body}`);
  await t.drainJobs();
  return response.json().id as string;
}

export async function signInAs(t: TestApp, organizationId: string, role: Parameters<typeof makeStaff>[2]) {
  const staff = await makeStaff(t.ctx.db, organizationId, role);
  return { staff, auth: await signInAsStaff(t.app, staff.email) };
}

export async function participantAuth(t: TestApp, participantId: string, programId: string): Promise<Auth> {
  const { token, sessionId } = await openParticipantSession(t.ctx.db, { participantId, programId });
  return { cookie: `corrente_portal=${token}`, csrfToken: csrfTokenFor(t.ctx.secret, sessionId) };
}

export function call(
  t: TestApp,
  auth: Auth | null,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: auth ? { cookie: auth.cookie, "x-csrf-token": auth.csrfToken } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Moves a referral through the API and fails loudly when the move is refused. */
export async function moveOk(t: TestApp, auth: Auth, id: string, to: string, reason?: string) {
  const response = await call(t, auth, "POST", `/api/admin/referrals/${id}/transitions`, { to, reason });
  if (response.statusCode !== 200) throw new Error(`move to ${to} failed: ${response.body}`);
  return response.json();
}
