import { and, asc, eq, inArray, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketMessages, tickets } from "../../src/modules/helpdesk/schema.js";
import { HOURLY_LIMIT_PER_SENDER } from "../../src/modules/inbound/hourly-cap.js";
import { processAlone, processReceivedBatch } from "../../src/modules/inbound/process-batch.js";
import { inboundEmails } from "../../src/modules/inbound/schema.js";
import { openDatabase } from "../../src/platform/db/client.js";
import { emailOutbox, emailSuppressions } from "../../src/platform/mail/schema.js";
import { loadMailFixture } from "../fixtures/mail/load-mail-fixture.js";
import { makeHelpdesk, makeReferrer, setStatus } from "../support/helpdesk.js";
import { answeredTicket, INBOUND_SECRET, plainEmail, postRawEmail } from "../support/inbound-mail.js";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { testEngine } from "../support/test-database.js";
import { dkimSigned } from "../support/test-dns.js";

/** Stores the messages through the HTTP door, in this order, without processing them. */
async function store(t: TestApp, raws: Buffer[]): Promise<string[]> {
  const ids: string[] = [];
  for (const raw of raws) {
    const response = await postRawEmail(t, raw);
    expect(response.statusCode, response.body).toBe(202);
    ids.push(response.json().id);
  }
  return ids;
}

/**
 * A desk's worth of mail: two replies to one pending ticket, one to another pending ticket, one to a
 * resolved ticket, a sender over the hourly cap, a stranger and a bounce. Returns the raw messages and
 * how to describe where each went, independently of the ids the run gives tickets.
 */
async function mixedMail(t: TestApp) {
  const desk = await makeHelpdesk(t);
  const first = await answeredTicket(t, desk);
  const second = await answeredTicket(t, desk);
  const resolved = await answeredTicket(t, desk);
  await setStatus(t, desk.agent, resolved.ticket.id, "resolved");
  const chatty = await makeReferrer(t, desk.scope);
  const programAddress = `${desk.program.slug}@${t.ctx.mail.replyDomain}`;
  const toTicket = (answered: typeof first, body: string) =>
    plainEmail({ from: answered.referrer.email, to: answered.sent.replyTo!, body });
  const raws = [
    toTicket(first, "Primeira resposta"),
    toTicket(second, "Resposta ao segundo"),
    ...Array.from({ length: HOURLY_LIMIT_PER_SENDER + 1 }, (_, i) =>
      plainEmail({ from: chatty.email, to: programAddress, subject: `Pergunta ${i}`, body: `Texto ${i}` }),
    ),
    toTicket(first, "Segunda resposta"),
    plainEmail({ from: "estranho@example.net", to: programAddress }),
    // The report has no Message-ID of its own: one per run, or the second run's would be a duplicate.
    Buffer.concat([
      Buffer.from(`Message-ID: <${crypto.randomUUID()}@mx.example.net>\r\n`),
      loadMailFixture("dsn-bounce", first.vars),
    ]),
    toTicket(resolved, "O problema voltou"),
  ];
  const known = new Map([
    [first.ticket.id, "first"],
    [second.ticket.id, "second"],
    [resolved.ticket.id, "resolved"],
  ]);
  return {
    desk,
    raws,
    known,
    firstReferrer: first.referrer.email,
    tickets: [first.ticket.id, second.ticket.id, resolved.ticket.id],
  };
}

/** Where each message went and what the tickets became, with new tickets named by their first message. */
async function landing(t: TestApp, ids: string[], known: Map<string, string>) {
  const rows = await t.ctx.db.select().from(inboundEmails).where(inArray(inboundEmails.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const names = new Map(known);
  const messages = ids.map((id) => {
    const row = byId.get(id)!;
    if (row.ticketId && !names.has(row.ticketId)) names.set(row.ticketId, `new-${names.size}`);
    return [row.status, row.outcome, row.ticketId ? names.get(row.ticketId) : null, row.attempts];
  });
  const touched = await t.ctx.db
    .select()
    .from(tickets)
    .where(inArray(tickets.id, [...names.keys()]));
  const states = await Promise.all(
    touched.map(async (ticket) => {
      const emails = await t.ctx.db
        .select({ text: ticketMessages.bodyText })
        .from(ticketMessages)
        .where(and(eq(ticketMessages.ticketId, ticket.id), eq(ticketMessages.source, "email")))
        .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
      const notices = await t.ctx.db
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(
          and(eq(emailOutbox.ticketId, ticket.id), eq(emailOutbox.template, "helpdesk.participant-message")),
        );
      const state = {
        status: ticket.status,
        situation: ticket.situation,
        channel: ticket.channel,
        previous: ticket.previousTicketId ? (names.get(ticket.previousTicketId) ?? "other") : null,
        emails: emails.map((message) => message.text),
        hasNotice: notices.length > 0,
      };
      return [names.get(ticket.id)!, state] as const;
    }),
  );
  return { messages, tickets: Object.fromEntries(states) };
}

/** Where each message of `mixedMail` lands, in its order, and what the tickets it touches become. */
function mixedMailLanding() {
  const chatty = Array.from({ length: HOURLY_LIMIT_PER_SENDER }, (_, i) => i);
  const openByEmail = { status: "open", situation: "awaiting_agent", channel: "email", hasNotice: true };
  return {
    messages: [
      ["attached", "token", "first", 1],
      ["attached", "token", "second", 1],
      // Plain mail from the referrer's address proves nothing: new tickets, marked unverified.
      ...chatty.map((i) => ["ticket_opened", "sender_unverified", `new-${3 + i}`, 1]),
      ["ignored", "rate_limited", null, 1],
      ["attached", "token", "first", 1],
      ["quarantined", "unknown_sender", null, 1],
      ["bounce", "bounce_hard_suppressed:{first}", null, 1],
      ["ticket_opened", "token", `new-${3 + chatty.length}`, 1],
    ],
    tickets: {
      // Both replies, in the order received: the pending ticket is open again, awaiting the team.
      first: {
        status: "open",
        situation: "awaiting_agent",
        emails: ["Primeira resposta", "Segunda resposta"],
      },
      second: { status: "open", situation: "awaiting_agent", emails: ["Resposta ao segundo"] },
      // A resolved ticket takes no message: the reply opens a new ticket that points back to it.
      resolved: { status: "resolved", emails: [] },
      [`new-${3 + chatty.length}`]: { ...openByEmail, previous: "resolved", emails: ["O problema voltou"] },
      ...Object.fromEntries(
        chatty.map((i) => [`new-${3 + i}`, { ...openByEmail, previous: null, emails: [`Texto ${i}`] }]),
      ),
    },
  };
}

describe(`inbound e-mail processed in batches (${testEngine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ INBOUND_SECRET });
  });
  afterAll(() => t.close());

  const processMixedMail = {
    "in one batch": async (ids: string[]) => {
      const result = await processReceivedBatch(t.ctx, ids[0]!);
      expect(result.failed.size).toBe(0);
      expect(new Set(result.processed)).toEqual(new Set(ids));
    },
    "each as a batch of one": async (ids: string[]) => {
      for (const id of ids) expect((await processAlone(t.ctx, id)).status).toBe("done");
    },
  };
  for (const [how, processAll] of Object.entries(processMixedMail)) {
    it(`tickets, one ticket twice, a sender over the cap, a stranger and a bounce, ${how}: each lands where it belongs`, async () => {
      const mail = await mixedMail(t);
      const ids = await store(t, mail.raws);
      await processAll(ids);
      const landed = await landing(t, ids, mail.known);
      const expected = mixedMailLanding();
      expect(landed.messages).toEqual(
        expected.messages.map(([status, outcome, ...rest]) => [
          status,
          String(outcome).replace("{first}", mail.firstReferrer),
          ...rest,
        ]),
      );
      expect(Object.keys(landed.tickets).sort()).toEqual(Object.keys(expected.tickets).sort());
      expect(landed.tickets).toMatchObject(expected.tickets);
      const suppressed = await t.ctx.db
        .select()
        .from(emailSuppressions)
        .where(eq(emailSuppressions.programId, mail.desk.scope.programId));
      expect(suppressed.map((row) => row.email)).toEqual([mail.firstReferrer]);
    });
  }

  it("a reply to a message of the same batch waits for that message, then joins its ticket", async () => {
    const desk = await makeHelpdesk(t);
    const referrer = await makeReferrer(t, desk.scope);
    const firstId = `<${crypto.randomUUID()}@mail.example.com>`;
    const to = `${desk.program.slug}@${t.ctx.mail.replyDomain}`;
    const ids = await store(t, [
      await dkimSigned(plainEmail({ from: referrer.email, to, messageId: firstId, body: "Primeira" })),
      await dkimSigned(
        plainEmail({ from: referrer.email, to, body: "Segunda", headers: { "In-Reply-To": firstId } }),
      ),
    ]);
    await t.drainJobs();
    const rows = await t.ctx.db.select().from(inboundEmails).where(inArray(inboundEmails.id, ids));
    const [first, second] = ids.map((id) => rows.find((row) => row.id === id)!);
    expect(first).toMatchObject({ status: "ticket_opened", outcome: "sender" });
    expect(second).toMatchObject({ status: "attached", outcome: "references", ticketId: first!.ticketId });
  });

  it("a batch reads messages up to its byte budget; the rest stay received for the next batch", async () => {
    const desk = await makeHelpdesk(t);
    const answered = await answeredTicket(t, desk);
    const raws = [1, 2, 3].map((n) =>
      plainEmail({
        from: answered.referrer.email,
        to: answered.sent.replyTo!,
        body: `${n} ${"x".repeat(1500)}`,
      }),
    );
    const ids = await store(t, raws);
    const first = await processReceivedBatch(t.ctx, ids[0]!, { maxBytes: raws[0]!.length + 100 });
    expect(first.processed).toEqual([ids[0]]);
    const statuses = async () =>
      (await t.ctx.db.select().from(inboundEmails).where(inArray(inboundEmails.id, ids)))
        .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
        .map((row) => row.status);
    expect(await statuses()).toEqual(["attached", "received", "received"]);
    await t.drainJobs();
    expect(await statuses()).toEqual(["attached", "attached", "attached"]);
  });

  it("a message that breaks processing is retried alone and marked; the rest of its batch is processed", async () => {
    const desk = await makeHelpdesk(t);
    const answered = await answeredTicket(t, desk);
    // Stands for any fault in one message's processing: the database refuses this one message's text.
    await t.ctx.db.execute(sql`create function refuse_poison() returns trigger language plpgsql as $$
      begin if new.body_text like '%VENENO%' then raise exception 'poison message'; end if; return new; end $$`);
    await t.ctx.db.execute(sql`create trigger refuse_poison before insert on ticket_messages
      for each row execute function refuse_poison()`);
    try {
      const ids = await store(
        t,
        ["Antes", "VENENO", "Depois"].map((body) =>
          plainEmail({ from: answered.referrer.email, to: answered.sent.replyTo!, body }),
        ),
      );
      await t.drainJobs();
      const rows = await t.ctx.db.select().from(inboundEmails).where(inArray(inboundEmails.id, ids));
      const byId = new Map(rows.map((row) => [row.id, row]));
      expect(byId.get(ids[0]!)).toMatchObject({ status: "attached", lastError: null });
      expect(byId.get(ids[2]!)).toMatchObject({ status: "attached", lastError: null });
      expect(byId.get(ids[1]!)).toMatchObject({ status: "received" });
      expect(byId.get(ids[1]!)!.lastError).toContain("ticket_messages");
      expect(byId.get(ids[1]!)!.attempts).toBeGreaterThanOrEqual(1);
    } finally {
      await t.ctx.db.execute(sql`drop trigger refuse_poison on ticket_messages`);
      await t.ctx.db.execute(sql`drop function refuse_poison()`);
    }
  });

  it.skipIf(testEngine !== "postgres")(
    "a message alone waits for another worker's batch that holds it, and is processed when that batch fails",
    async () => {
      const desk = await makeHelpdesk(t);
      const answered = await answeredTicket(t, desk);
      const [id] = await store(t, [
        plainEmail({ from: answered.referrer.email, to: answered.sent.replyTo! }),
      ]);
      const otherWorker = new pg.Client({ connectionString: (t.ctx.database as { url?: string }).url! });
      await otherWorker.connect();
      try {
        await otherWorker.query("begin");
        await otherWorker.query("select id from inbound_emails where id = $1 for update", [id]);
        let isSettled = false;
        const alone = processAlone(t.ctx, id!).finally(() => {
          isSettled = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(isSettled).toBe(false);
        await otherWorker.query("rollback");
        expect(await alone).toMatchObject({ status: "done", detail: "attached:token" });
      } finally {
        await otherWorker.end();
      }
    },
  );

  it.skipIf(testEngine !== "postgres")(
    "two batches at once with one sender's mail keep it to the hourly cap",
    async () => {
      const url = (t.ctx.database as { url?: string }).url!;
      const other = await createTestApp(
        { INBOUND_SECRET },
        { database: await openDatabase({ databaseUrl: url, dataDir: "" }) },
      );
      try {
        const desk = await makeHelpdesk(t);
        const programAddress = `${desk.program.slug}@${t.ctx.mail.replyDomain}`;
        const sender = `insistente-${crypto.randomUUID()}@example.net`;
        const ids = await store(
          t,
          Array.from({ length: HOURLY_LIMIT_PER_SENDER + 10 }, (_, i) =>
            plainEmail({ from: sender, to: programAddress, subject: `Pergunta ${i}`, body: `Texto ${i}` }),
          ),
        );
        // Two workers, each with a batch holding half of the sender's mail, at the same time.
        const half = ids.length / 2;
        await Promise.all([
          processReceivedBatch(t.ctx, ids[0]!, { limit: half }),
          processReceivedBatch(other.ctx, ids[half]!, { limit: half }),
        ]);
        const rows = await t.ctx.db.select().from(inboundEmails).where(inArray(inboundEmails.id, ids));
        const counted = (status: string, outcome?: string) =>
          rows.filter((r) => r.status === status && (!outcome || r.outcome === outcome)).length;
        expect(counted("quarantined")).toBe(HOURLY_LIMIT_PER_SENDER);
        expect(counted("ignored", "rate_limited")).toBe(10);
      } finally {
        await other.close();
      }
    },
  );

  it("two workers draining at once never process one message twice", async () => {
    const url = (t.ctx.database as { url?: string }).url;
    const other = url
      ? await createTestApp(
          { INBOUND_SECRET },
          { database: await openDatabase({ databaseUrl: url, dataDir: "" }) },
        )
      : t;
    try {
      const desk = await makeHelpdesk(t);
      const people = await Promise.all(Array.from({ length: 6 }, () => answeredTicket(t, desk)));
      const raws = Array.from({ length: 120 }, (_, i) => {
        const answered = people[i % people.length]!;
        return plainEmail({
          from: answered.referrer.email,
          to: answered.sent.replyTo!,
          body: `Mensagem ${i}`,
        });
      });
      const ids = await store(t, raws);
      // Each worker works small batches, taking the jobs' messages in turn, until nothing is left.
      const drain = async (app: TestApp, start: number) => {
        for (let i = start; i < ids.length; i += 2)
          await processReceivedBatch(app.ctx, ids[i]!, { limit: 7 });
      };
      await Promise.all([drain(t, 0), drain(other, 1)]);
      const rows = await t.ctx.db.select().from(inboundEmails).where(inArray(inboundEmails.id, ids));
      expect(rows.every((row) => row.status === "attached" && row.attempts === 1)).toBe(true);
      const posted = await t.ctx.db
        .select({ inboundEmailId: ticketMessages.inboundEmailId })
        .from(ticketMessages)
        .where(inArray(ticketMessages.inboundEmailId, ids));
      expect(posted).toHaveLength(ids.length);
      expect(new Set(posted.map((row) => row.inboundEmailId)).size).toBe(ids.length);
    } finally {
      if (other !== t) await other.close();
    }
  });
});
