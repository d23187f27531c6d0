import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations } from "../../../src/modules/programs/schema.js";
import type { Db } from "../../../src/platform/db/client.js";
import { inTransaction } from "../../../src/platform/db/transaction.js";
import { localJobs } from "../../../src/platform/jobs/schema.js";
import { enqueueEmail, mailSendJob, suppressAddress } from "../../../src/platform/mail/outbox.js";
import { devMailbox, emailOutbox } from "../../../src/platform/mail/schema.js";
import { createMailSendHandler } from "../../../src/platform/mail/send-job.js";
import { defineEmailTemplate } from "../../../src/platform/mail/template.js";
import { makeProgram, unique } from "../../support/factories.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

const helloEmail = defineEmailTemplate<{ name: string }>({
  id: "test.hello",
  isAutomatic: true,
  render: ({ name }, locale) => ({
    subject: locale === "en" ? `Hello ${name}` : `Olá ${name}`,
    heading: name,
    paragraphs: ["<script>alert(1)</script>"],
  }),
});

/** Runs a use case that must enqueue an e-mail, and returns that e-mail's ids. */
async function sentEmail(db: Db, work: (tx: Db) => Promise<{ outboxId: string; messageId: string } | null>) {
  const result = await inTransaction(db, work);
  if (!result) throw new Error("expected an e-mail to be enqueued");
  return result;
}

describe("the e-mail outbox", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const deliveriesTo = (to: string) => t.ctx.db.select().from(devMailbox).where(eq(devMailbox.toAddress, to));

  it("writes nothing when the change that causes the e-mail rolls back", async () => {
    const to = `${unique("rollback")}@example.com`;
    const slug = unique("org");
    await expect(
      inTransaction(t.ctx.db, async (tx) => {
        await tx.insert(organizations).values({ slug, name: "Doomed" });
        await enqueueEmail(tx, t.ctx, {
          template: helloEmail,
          data: { name: "X" },
          to,
          locale: "pt-BR",
          brand: "Test",
        });
        throw new Error("the use case fails after writing");
      }),
    ).rejects.toThrow("the use case fails");
    expect(await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to))).toHaveLength(0);
    expect(await t.ctx.db.select().from(organizations).where(eq(organizations.slug, slug))).toHaveLength(0);
    await t.drainJobs();
    expect(await deliveriesTo(to)).toHaveLength(0);
  });

  it("commits the e-mail with its cause and delivers it once, however often the job runs", async () => {
    const to = `${unique("commit")}@example.com`;
    const { outboxId, messageId } = await sentEmail(t.ctx.db, async (tx) => {
      await tx.insert(organizations).values({ slug: unique("org"), name: "Kept" });
      return enqueueEmail(tx, t.ctx, {
        template: helloEmail,
        data: { name: "Y" },
        to,
        locale: "en",
        brand: "Test",
      });
    });
    const jobs = await t.ctx.db.select().from(localJobs).where(eq(localJobs.name, mailSendJob.id));
    expect(jobs.some((job) => (job.payload as { outboxId: string }).outboxId === outboxId)).toBe(true);

    await t.drainJobs();
    // The job is retried (a worker crashed after sending, say): the same message is not sent again.
    const handler = createMailSendHandler(t.ctx.db, t.ctx.transport);
    expect(await handler({ outboxId })).toEqual({ status: "skipped", detail: "already sent" });

    const deliveries = await deliveriesTo(to);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.messageId).toBe(messageId);
    expect(deliveries[0]!.subject).toBe("Hello Y");
    const [row] = await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(row!.status).toBe("sent");
  });

  it("escapes what templates interpolate, in the HTML part", async () => {
    const to = `${unique("escape")}@example.com`;
    await inTransaction(t.ctx.db, (tx) =>
      enqueueEmail(tx, t.ctx, {
        template: helloEmail,
        data: { name: "<b>Z</b>" },
        to,
        locale: "pt-BR",
        brand: "Test",
      }),
    );
    await t.drainJobs();
    const [mail] = await deliveriesTo(to);
    expect(mail!.html).not.toContain("<script>");
    expect(mail!.html).toContain("&lt;script&gt;");
    expect(mail!.html).toContain("&lt;b&gt;Z&lt;/b&gt;");
  });

  it("writes nothing to an address the program must not write to", async () => {
    const to = `${unique("objected")}@example.com`;
    const { program } = await makeProgram(t.ctx.db);
    await suppressAddress(t.ctx.db, program.id, to.toUpperCase(), "objected");
    const result = await inTransaction(t.ctx.db, (tx) =>
      enqueueEmail(tx, t.ctx, {
        template: helloEmail,
        data: { name: "S" },
        to,
        locale: "pt-BR",
        brand: "T",
        programId: program.id,
      }),
    );
    expect(result).toBeNull();
    expect(await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to))).toHaveLength(0);
  });

  it("retries a failed delivery and records the error", async () => {
    const to = `${unique("retry")}@example.com`;
    const { outboxId } = await sentEmail(t.ctx.db, (tx) =>
      enqueueEmail(tx, t.ctx, {
        template: helloEmail,
        data: { name: "R" },
        to,
        locale: "pt-BR",
        brand: "Test",
      }),
    );
    const failing = createMailSendHandler(t.ctx.db, {
      kind: "smtp",
      deliver: async () => {
        throw new Error("connection refused");
      },
      close: () => {},
    });
    await expect(failing({ outboxId })).rejects.toThrow("connection refused");
    const [row] = await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "connection refused" });
    await t.drainJobs();
    expect(await deliveriesTo(to)).toHaveLength(1);
  });
});
