import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { rowsOf } from "../db/raw-sql.js";
import { type Locale, resolveLocale } from "../i18n/locale.js";
import { defineJob, type JobQueue } from "../jobs/job.js";
import { renderEmailHtml, renderEmailText } from "./layout.js";
import { replyAddress } from "./reply-address.js";
import { emailOutbox, emailSuppressions, type OutboxEmail, type OutboxRow } from "./schema.js";
import { isSuppressed } from "./suppressions.js";
import { type EmailTemplate, getEmailTemplateOrThrow } from "./template.js";

export { isSuppressed, suppressAddress } from "./suppressions.js";

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
  const exceptBounces = email.template.isRequestedByReader === true;
  if (email.programId && (await isSuppressed(tx, email.programId, email.to, { exceptBounces }))) return null;
  const row = outboxRow(deps.mail, email, randomUUID());
  await tx.insert(emailOutbox).values(row);
  await deps.jobs.enqueue(tx, mailSendJob, { outboxId: row.id });
  return { outboxId: row.id, messageId: row.messageId };
}

/**
 * Several e-mails written at once through `tx` (inbound mail's batch of staff notifications): one
 * suppression query, one insert and one delivery job for all of them. Like bulk mail they are stored as
 * their template's data and rendered by the send job, which stores what it rendered (so a retry sends
 * the same content); Message-ID, Reply-To and headers are fixed now. Returns the ids written,
 * suppressed recipients left out.
 */
export async function enqueueEmails<TData>(
  tx: Db,
  deps: { jobs: JobQueue; mail: MailSettings },
  emails: OutgoingEmail<TData>[],
): Promise<string[]> {
  const suppressed = await suppressedPairs(tx, emails);
  const rows = emails
    .filter((email) => !suppressed.has(`${email.programId}|${email.to.trim().toLowerCase()}`))
    .map((email) => outboxRow(deps.mail, email, randomUUID(), "at-send"));
  if (rows.length === 0) return [];
  const own = rows.map((row) => ({
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
    template_data: row.templateData,
    message_id: row.messageId,
    headers: row.headers,
  }));
  const columns = Object.keys(own[0]!).join(", ");
  await tx.execute(sql`insert into ${emailOutbox} (${sql.raw(columns)})
    select ${sql.raw(columns)} from json_to_recordset(${JSON.stringify(own)}::json) as r(id uuid,
      organization_id uuid, program_id uuid, participant_id uuid, ticket_id uuid, template text, locale text,
      to_address text, from_address text, reply_to text, template_data json, message_id text, headers jsonb)`);
  const ids = rows.map((row) => row.id);
  for (let i = 0; i < ids.length; i += 1000) {
    await deps.jobs.enqueue(tx, mailSendBatchJob, { outboxIds: ids.slice(i, i + 1000) });
  }
  return ids;
}

/** "programId|address" of each e-mail whose program must not write to that address. */
async function suppressedPairs(tx: Db, emails: { programId?: string; to: string }[]): Promise<Set<string>> {
  const pairs = emails
    .filter((email) => email.programId)
    .map((email) => ({ program_id: email.programId, email: email.to.trim().toLowerCase() }));
  if (pairs.length === 0) return new Set();
  const result = await tx.execute(sql`select s.program_id, s.email from ${emailSuppressions} s
    join jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as x(program_id uuid, email text)
      on s.program_id = x.program_id and s.email = x.email`);
  return new Set(
    rowsOf<{ program_id: string; email: string }>(result).map((row) => `${row.program_id}|${row.email}`),
  );
}

/** One e-mail of a bulk send: who gets it and the template's data for them (which must survive JSON). */
export type BulkRecipient<TData> = {
  /** Named by the caller, so it can record the e-mail first. */
  outboxId: string;
  to: string;
  locale: Locale;
  participantId?: string;
  data: TData;
};

/**
 * Many e-mails of one template and program at once (the monthly digest): one suppression query, one
 * insert and one delivery job per thousand e-mails, all through `tx`. Returns the ids written, suppressed
 * addresses left out.
 *
 * Bulk e-mails are stored as their template's data and rendered by the send job: rendering and
 * storing a hundred thousand HTML bodies at once was most of the digest's cost. Message-ID, Reply-To
 * and headers are fixed now, as for every e-mail.
 */
export async function enqueueEmailBatch<TData>(
  tx: Db,
  deps: { jobs: JobQueue; mail: MailSettings },
  batch: { template: EmailTemplate<TData>; brand: string; programId: string; organizationId?: string },
  recipients: BulkRecipient<TData>[],
): Promise<string[]> {
  if (recipients.length === 0) return [];
  const suppressed = await suppressedAmong(
    tx,
    batch.programId,
    recipients.map((r) => r.to),
  );
  const rows = recipients
    .filter((recipient) => !suppressed.has(recipient.to.trim().toLowerCase()))
    .map((recipient) => outboxRow(deps.mail, { ...batch, ...recipient }, recipient.outboxId, "at-send"));
  if (rows.length === 0) return [];
  await insertBulkOutboxRows(tx, batch.brand, rows);
  const ids = rows.map((row) => row.id);
  for (let i = 0; i < ids.length; i += 1000) {
    await deps.jobs.enqueue(tx, mailSendBatchJob, { outboxIds: ids.slice(i, i + 1000) });
  }
  return ids;
}

/** Which of `addresses` (as stored: trimmed, lower case) the program must not write to. */
async function suppressedAmong(tx: Db, programId: string, addresses: string[]): Promise<Set<string>> {
  const normalized = addresses.map((address) => address.trim().toLowerCase());
  const result = await tx.execute(sql`select email from ${emailSuppressions}
    where program_id = ${programId}
      and email in (select json_array_elements_text(${JSON.stringify(normalized)}::json))`);
  return new Set(rowsOf<{ email: string }>(result).map((row) => row.email));
}

/**
 * Bulk rows in one statement with one JSON parameter (thousands of bind parameters cost more to build
 * and parse than the rows cost to write). What all rows share (one template, program, sender and
 * headers) is sent once; each row carries only what is its own.
 */
async function insertBulkOutboxRows(tx: Db, brand: string, rows: ReturnType<typeof outboxRow>[]) {
  const [first] = rows as [ReturnType<typeof outboxRow>];
  const own = rows.map((row) => ({
    id: row.id,
    participant_id: row.participantId,
    locale: row.locale,
    to_address: row.toAddress,
    reply_to: row.replyTo,
    message_id: row.messageId,
    data: row.templateData?.data,
  }));
  await tx.execute(sql`
    insert into ${emailOutbox} (id, organization_id, program_id, participant_id, template, locale, to_address,
      from_address, reply_to, template_data, message_id, headers)
    select id, ${first.organizationId}::uuid, ${first.programId}::uuid, participant_id, ${first.template}, locale,
      to_address, ${first.fromAddress}, reply_to, json_build_object('brand', ${brand}::text, 'data', data),
      message_id, ${JSON.stringify(first.headers)}::jsonb
    from json_to_recordset(${JSON.stringify(own)}::json) as r(id uuid, participant_id uuid, locale text,
      to_address text, reply_to text, message_id text, data json)`);
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
