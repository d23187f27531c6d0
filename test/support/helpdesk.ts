// Helpers for helpdesk tests: a referrer with a portal session in a fresh program, tickets opened
// through the portal API, and calls that fail loudly when the server refuses them.
import { expect } from "vitest";
import { type Auth, call, participantAuth, signInAs } from "./back-office.js";
import { makeParticipant, makeProgram } from "./factories.js";
import type { TestApp } from "./test-app.js";

export type Referrer = { id: string; email: string; name: string; auth: Auth };

export async function makeReferrer(t: TestApp, scope: { organizationId: string; programId: string }) {
  const participant = await makeParticipant(t.ctx.db, scope);
  return {
    id: participant.id,
    email: participant.email,
    name: participant.name,
    auth: await participantAuth(t, participant.id, scope.programId),
  } satisfies Referrer;
}

/** A program with a support agent and a referrer: what most helpdesk tests start from. */
export async function makeHelpdesk(t: TestApp) {
  const { program, scope } = await makeProgram(t.ctx.db);
  const agent = await signInAs(t, scope.organizationId, "support");
  return {
    program,
    scope,
    agent: agent.auth,
    agentUser: agent.staff,
    referrer: await makeReferrer(t, scope),
  };
}

export type TicketView = {
  id: string;
  number: number;
  subject: string;
  status: string;
  situation: string;
  priority: string;
  messages: { id: string; text: string; html: string; isInternal?: boolean; authorKind: string }[];
  [key: string]: unknown;
};

export async function openTicketOk(t: TestApp, referrer: Auth, body: Record<string, unknown> = {}) {
  const response = await call(t, referrer, "POST", "/api/portal/tickets", {
    subject: "Minha indicação não aparece",
    contactReason: "referral_status",
    message: "Indiquei uma empresa ontem e ela não aparece na lista.",
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as TicketView;
}

export async function agentOk(
  t: TestApp,
  agent: Auth,
  method: "GET" | "POST" | "PATCH",
  url: string,
  payload?: unknown,
): Promise<TicketView> {
  const response = await call(t, agent, method, url, payload);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

export const reply = (t: TestApp, agent: Auth, id: string, message: string, status?: string) =>
  agentOk(t, agent, "POST", `/api/admin/tickets/${id}/replies`, { message, ...(status ? { status } : {}) });
export const note = (t: TestApp, agent: Auth, id: string, message: string) =>
  agentOk(t, agent, "POST", `/api/admin/tickets/${id}/notes`, { message });
export const setStatus = (t: TestApp, agent: Auth, id: string, status: string) =>
  agentOk(t, agent, "PATCH", `/api/admin/tickets/${id}`, { status });
