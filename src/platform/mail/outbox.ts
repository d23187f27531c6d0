import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import type { Locale } from "../i18n/locale.js";
import { defineJob, type JobQueue } from "../jobs/job.js";
import { renderEmailHtml, renderEmailText } from "./layout.js";
import { replyAddress } from "./reply-address.js";
import { emailOutbox, emailSuppressions } from "./schema.js";
import type { EmailTemplate } from "./template.js";

export const mailSendJob = defineJob("mail.send", z.object({ outboxId: z.uuid() }), { retryLimit: 8 });

export type MailSettings = { from: string; replyDomain: string; secret: string };

export type OutgoingEmail<TData> = {
  template: EmailTemplate<TData>;
  data: TData;
  to: string;
  locale: Locale;
  /** The program's name, shown at the top of the message. */
  brand: string;
  organizationId?: string;
  programId?: string;
  participantId?: string;
  ticketId?: string;
};

/**
 * Writes an e-mail to the outbox and its delivery job through `tx`, the transaction of the change that
 * causes it: both exist only if that change commits. Content is rendered now, so a retry sends the
 * very same message with the same Message-ID. Returns null, writing nothing, when the program must not
 * write to that address (the contact objected, or it bounces).
 */
export async function enqueueEmail<TData>(
  tx: Db,
  deps: { jobs: JobQueue; mail: MailSettings },
  email: OutgoingEmail<TData>,
): Promise<{ outboxId: string; messageId: string } | null> {
  if (email.programId && (await isSuppressed(tx, email.programId, email.to))) return null;
  const id = randomUUID();
  const content = email.template.render(email.data, email.locale);
  const messageId = `<${id}@${deps.mail.replyDomain}>`;
  const headers: Record<string, string> = email.template.isAutomatic
    ? { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" }
    : {};
  await tx.insert(emailOutbox).values({
    id,
    organizationId: email.organizationId ?? null,
    programId: email.programId ?? null,
    participantId: email.participantId ?? null,
    ticketId: email.ticketId ?? null,
    template: email.template.id,
    locale: email.locale,
    toAddress: email.to,
    fromAddress: deps.mail.from,
    replyTo: replyAddress(deps.mail.secret, id, deps.mail.replyDomain),
    subject: content.subject,
    text: renderEmailText(content, email.locale, email.brand),
    html: renderEmailHtml(content, email.locale, email.brand),
    messageId,
    headers,
  });
  await deps.jobs.enqueue(tx, mailSendJob, { outboxId: id });
  return { outboxId: id, messageId };
}

export async function isSuppressed(db: Db, programId: string, address: string): Promise<boolean> {
  const [row] = await db
    .select({ id: emailSuppressions.id })
    .from(emailSuppressions)
    .where(
      and(
        eq(emailSuppressions.programId, programId),
        eq(emailSuppressions.email, address.trim().toLowerCase()),
      ),
    );
  return Boolean(row);
}

/** Stops all later mail of a program to an address (idempotent). */
export async function suppressAddress(
  db: Db,
  programId: string,
  address: string,
  reason: "objected" | "bounced" | "left_program",
): Promise<void> {
  await db
    .insert(emailSuppressions)
    .values({ programId, email: address.trim().toLowerCase(), reason })
    .onConflictDoNothing();
}
