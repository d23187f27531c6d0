import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { JobOutcome } from "../jobs/job.js";
import { outboxEmailToDeliver } from "./outbox.js";
import { emailOutbox } from "./schema.js";
import type { MailTransport } from "./transport.js";

/**
 * Delivers one outbox e-mail. At least once: a crash between delivery and the status update sends it
 * again with the same Message-ID, which receivers (and our mailbox) recognise as the same message.
 * Bulk mail is rendered here from its stored data; the attempt stores what it rendered (sent or not),
 * so a retry sends the very same content.
 */
export function createMailSendHandler(db: Db, transport: MailTransport) {
  return async ({ outboxId }: { outboxId: string }): Promise<JobOutcome> => {
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    if (!row) return { status: "skipped", detail: "no such outbox row" };
    if (row.status === "sent") return { status: "skipped", detail: "already sent" };
    const { email, rendered } = outboxEmailToDeliver(row);
    const content = rendered ? { subject: email.subject, text: email.text, html: email.html } : {};
    try {
      await transport.deliver(email);
    } catch (err) {
      await db
        .update(emailOutbox)
        .set({
          ...content,
          attempts: sql`${emailOutbox.attempts} + 1`,
          lastError: String(err instanceof Error ? err.message : err),
        })
        .where(eq(emailOutbox.id, outboxId));
      throw err;
    }
    await db
      .update(emailOutbox)
      .set({
        ...content,
        status: "sent",
        sentAt: new Date(),
        attempts: sql`${emailOutbox.attempts} + 1`,
        lastError: null,
      })
      .where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.status, "pending")));
    return { status: "done", detail: email.messageId };
  };
}

/**
 * Delivers a batch of outbox e-mails one after the other. A failure stops the batch and the job is
 * retried; e-mails already sent are skipped on the retry, so each is delivered at least once.
 */
export function createMailSendBatchHandler(db: Db, transport: MailTransport) {
  const sendOne = createMailSendHandler(db, transport);
  return async ({ outboxIds }: { outboxIds: string[] }): Promise<JobOutcome> => {
    let sent = 0;
    for (const outboxId of outboxIds) {
      if ((await sendOne({ outboxId })).status === "done") sent++;
    }
    return { status: "done", detail: `${sent} of ${outboxIds.length} sent` };
  };
}
