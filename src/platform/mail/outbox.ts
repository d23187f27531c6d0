import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { type Locale, resolveLocale } from "../i18n/locale.js";
import { defineJob, type JobQueue } from "../jobs/job.js";
import { renderEmailHtml, renderEmailText } from "./layout.js";
import { replyAddress } from "./reply-address.js";
import { emailOutbox, emailSuppressions, type OutboxEmail, type OutboxRow } from "./schema.js";
import { type EmailTemplate, getEmailTemplateOrThrow } from "./template.js";

export const mailSendJob = defineJob("mail.send", z.object({ outboxId: z.uuid() }), { retryLimit: 8 });
/** Bulk mail (the monthly digest) travels as one job per batch of outbox rows, not one per e-mail. */
export const mailSendBatchJob = defineJob(
  "mail.send-batch",
  z.object({ outboxIds: z.array(z.uuid()).min(1).max(1000) }),
  // Up to a thousand deliveries in one run.
  { retryLimit: 8, expireInSeconds: 1800 },
);

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
  /** Extra headers, e.g. In-Reply-To/References to thread a conversation (RFC 5322 §3.6.4). */
  headers?: Record<string, string>;
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
  const row = outboxRow(deps.mail, email, randomUUID());
  await tx.insert(emailOutbox).values(row);
  await deps.jobs.enqueue(tx, mailSendJob, { outboxId: row.id });
  return { outboxId: row.id, messageId: row.messageId };
}

/**
 * Many e-mails of one program at once (the monthly digest): one suppression query, one multi-row
 * insert and one delivery job for the batch, all through `tx`. Each e-mail may name its outbox id (so
 * the caller can record it first); returns the ids written, suppressed addresses left out.
 *
 * Bulk e-mails are stored as their template's data (which must survive JSON) and rendered by the send
 * job: rendering and storing a hundred thousand HTML bodies at once was most of the digest's cost.
 * Message-ID, Reply-To and headers are fixed now, as for every e-mail.
 */
export async function enqueueEmailBatch<TData>(
  tx: Db,
  deps: { jobs: JobQueue; mail: MailSettings },
  programId: string,
  emails: (OutgoingEmail<TData> & { outboxId: string })[],
): Promise<string[]> {
  if (emails.length === 0) return [];
  const suppressed = new Set(
    (
      await tx
        .select({ email: emailSuppressions.email })
        .from(emailSuppressions)
        .where(
          and(
            eq(emailSuppressions.programId, programId),
            inArray(
              emailSuppressions.email,
              emails.map((e) => e.to.trim().toLowerCase()),
            ),
          ),
        )
    ).map((row) => row.email),
  );
  const rows = emails
    .filter((email) => !suppressed.has(email.to.trim().toLowerCase()))
    .map((email) => outboxRow(deps.mail, { ...email, programId }, email.outboxId, "at-send"));
  if (rows.length === 0) return [];
  await insertOutboxRows(tx, rows);
  const ids = rows.map((row) => row.id);
  for (let i = 0; i < ids.length; i += 1000) {
    await deps.jobs.enqueue(tx, mailSendBatchJob, { outboxIds: ids.slice(i, i + 1000) });
  }
  return ids;
}

/**
 * The outbox row of one e-mail: rendered now, or (bulk mail) holding the data the send job renders it
 * from; either way a retry sends the same message with the same Message-ID.
 */
function outboxRow<TData>(
  mail: MailSettings,
  email: OutgoingEmail<TData>,
  id: string,
  rendering: "now" | "at-send" = "now",
) {
  const messageId = `<${id}@${mail.replyDomain}>`;
  // RFC 3834: automatic mail says so, and no mail of ours asks for an out-of-office answer (Exchange
  // honours X-Auto-Response-Suppress), so auto-responders and this helpdesk cannot loop.
  const headers: Record<string, string> = {
    ...(email.template.isAutomatic ? { "Auto-Submitted": "auto-generated" } : {}),
    "X-Auto-Response-Suppress": "All",
    ...email.headers,
  };
  return {
    id,
    organizationId: email.organizationId ?? null,
    programId: email.programId ?? null,
    participantId: email.participantId ?? null,
    ticketId: email.ticketId ?? null,
    template: email.template.id,
    locale: email.locale,
    toAddress: email.to,
    fromAddress: mail.from,
    replyTo: replyAddress(mail.secret, id, mail.replyDomain),
    ...(rendering === "now"
      ? { ...renderEmail(email.template, email.data, email.locale, email.brand), templateData: null }
      : { subject: null, text: null, html: null, templateData: { brand: email.brand, data: email.data } }),
    messageId,
    headers,
  };
}

function renderEmail<TData>(template: EmailTemplate<TData>, data: TData, locale: Locale, brand: string) {
  const content = template.render(data, locale);
  return {
    subject: content.subject,
    text: renderEmailText(content, locale, brand),
    html: renderEmailHtml(content, locale, brand),
  };
}

/**
 * An outbox row as it is delivered: its stored content, or (bulk mail not yet attempted) its template
 * rendered from the stored data. `rendered` tells the send job to store that content with the attempt.
 */
export function outboxEmailToDeliver(row: OutboxRow): { email: OutboxEmail; rendered: boolean } {
  const { subject, text, html, templateData, ...envelope } = row;
  if (subject !== null && text !== null && html !== null) {
    return { email: { ...envelope, subject, text, html }, rendered: false };
  }
  if (!templateData) throw new Error(`Outbox e-mail ${row.id} has neither content nor template data`);
  const template = getEmailTemplateOrThrow(row.template);
  const content = renderEmail(template, templateData.data, resolveLocale(row.locale), templateData.brand);
  return { email: { ...envelope, ...content }, rendered: true };
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

/**
 * Many outbox rows in one statement with one JSON parameter: a multi-row VALUES of hundreds of rows
 * binds thousands of parameters and costs more to build and parse than the rows cost to write.
 */
async function insertOutboxRows(tx: Db, rows: ReturnType<typeof outboxRow>[]) {
  await tx.execute(sql`
    insert into ${emailOutbox} (id, organization_id, program_id, participant_id, ticket_id, template, locale,
      to_address, from_address, reply_to, subject, text, html, template_data, message_id, headers)
    select id, organization_id, program_id, participant_id, ticket_id, template, locale, to_address,
      from_address, reply_to, subject, text, html, template_data, message_id, headers
    from json_to_recordset(${JSON.stringify(rows.map(toColumns))}::json) as r(id uuid, organization_id uuid,
      program_id uuid, participant_id uuid, ticket_id uuid, template text, locale text, to_address text,
      from_address text, reply_to text, subject text, text text, html text, template_data jsonb,
      message_id text, headers jsonb)`);
}

function toColumns(row: ReturnType<typeof outboxRow>) {
  return {
    id: row.id,
    organization_id: row.organizationId,
    program_id: row.programId,
    participant_id: row.participantId,
    ticket_id: row.ticketId,
    template: row.template,
    locale: row.locale,
    to_address: row.toAddress,
    from_address: row.fromAddress,
    reply_to: row.replyTo,
    subject: row.subject,
    text: row.text,
    html: row.html,
    template_data: row.templateData,
    message_id: row.messageId,
    headers: row.headers,
  };
}
