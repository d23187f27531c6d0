// Issue 17.6: a prospect's e-mail could only be attached to an existing referrer or discarded. An agent
// now opens a ticket for a new contact from it (a participant of kind "contact", on legitimate
// interest) and answers by e-mail as with any ticket.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../src/modules/participants/schema.js";
import { auditLog } from "../../src/platform/audit/schema.js";
import { devMailbox } from "../../src/platform/mail/schema.js";
import { call, participantAuth, submitChecked } from "../support/back-office.js";
import { makeProgram } from "../support/factories.js";
import { makeHelpdesk, reply } from "../support/helpdesk.js";
import { agentTicket, deliverEmail, INBOUND_SECRET, plainEmail } from "../support/inbound-mail.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

describe("a ticket for a new contact from a quarantined e-mail", () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeHelpdesk>>;
  beforeAll(async () => {
    t = await createTestApp({ INBOUND_SECRET });
    desk = await makeHelpdesk(t);
  });
  afterAll(() => t.close());

  async function prospectEmail(address: string) {
    const to = `${desk.program.slug}@${t.ctx.mail.replyDomain}`;
    const held = await deliverEmail(
      t,
      plainEmail({ from: `Paula Prospect <${address}>`, to, body: "Como faço para participar?" }),
    );
    expect(held).toMatchObject({ status: "quarantined", outcome: "unknown_sender" });
    return held;
  }

  it("makes the sender a contact (not a referrer), opens their ticket, and the agent's answer goes by e-mail", async () => {
    const address = `paula.${crypto.randomUUID().slice(0, 8)}@prospect.example`;
    const held = await prospectEmail(address);
    const opened = await call(t, desk.agent, "POST", `/api/admin/inbound/${held.id}/contact`, {
      programId: desk.program.id,
      name: "Paula Prospect",
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({
      status: "ticket_opened",
      outcome: "agent_contact",
      participant: { name: "Paula Prospect", email: address },
    });
    const [contact] = await t.ctx.db.select().from(participants).where(eq(participants.email, address));
    expect(contact).toMatchObject({
      kind: "contact",
      legalBasis: "legitimate_interest:answer_request",
      programId: desk.program.id,
      wantsMonthlyDigest: false,
    });
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "participant.contact_created"), eq(auditLog.subjectId, contact!.id)));
    expect(audit).toMatchObject({ actorKind: "staff", data: { inboundEmailId: held.id } });

    const ticketId = opened.json().ticketId as string;
    const ticket = await agentTicket(t, desk.agent, ticketId);
    expect(ticket).toMatchObject({ channel: "email", participantCard: { kind: "contact", referrals: [] } });
    expect(ticket.messages[0]!.text).toContain("Como faço para participar?");

    await reply(t, desk.agent, ticketId, "Olá, Paula! Para participar, basta se cadastrar no formulário.");
    await t.drainJobs();
    const [answer] = await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.toAddress, address));
    expect(answer?.text).toContain("basta se cadastrar");
    expect(answer?.replyTo).toMatch(/^reply\+/);
    const answered = await deliverEmail(
      t,
      plainEmail({ from: address, to: answer!.replyTo!, body: "Obrigada!" }),
    );
    expect(answered).toMatchObject({ status: "attached", outcome: "token", ticketId });

    // The portal shows a contact only the helpdesk.
    const portal = await participantAuth(t, contact!.id, desk.program.id);
    const session = await call(t, portal, "GET", "/api/portal/session");
    expect(session.json().permissions).toEqual(["portal.helpdesk"]);
    const tickets = await call(t, portal, "GET", "/api/portal/tickets");
    expect(tickets.json().items.map((item: { id: string }) => item.id)).toContain(ticketId);
  });

  it("a contact who then refers a company becomes a referrer, the terms their basis from then on", async () => {
    const address = `rafa.${crypto.randomUUID().slice(0, 8)}@prospect.example`;
    const held = await prospectEmail(address);
    const body = { programId: desk.program.id, name: "Rafa" };
    expect(
      (await call(t, desk.agent, "POST", `/api/admin/inbound/${held.id}/contact`, body)).statusCode,
    ).toBe(200);
    await submitChecked(t, desk.program.slug, { referrerEmail: address });
    const [participant] = await t.ctx.db.select().from(participants).where(eq(participants.email, address));
    expect(participant).toMatchObject({ kind: "referrer", legalBasis: null });
  });

  it("refuses an address already in the program (409), another organization's program and an empty name (422)", async () => {
    const held = await prospectEmail(desk.referrer.email.replace("@", "+alias@"));
    const contact = (body: Record<string, unknown>) =>
      call(t, desk.agent, "POST", `/api/admin/inbound/${held.id}/contact`, body);
    const foreign = await makeProgram(t.ctx.db);
    expect((await contact({ programId: foreign.program.id, name: "X" })).json()).toMatchObject({
      error: { code: "validation_failed", fields: { programId: expect.any(Array) } },
    });
    expect((await contact({ programId: desk.program.id, name: "  " })).statusCode).toBe(422);
    await t.ctx.db.insert(participants).values({
      organizationId: desk.scope.organizationId,
      programId: desk.program.id,
      email: desk.referrer.email.replace("@", "+alias@"),
      name: "Já participa",
    });
    const taken = await contact({ programId: desk.program.id, name: "Paula" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("participant_exists");
  });
});
