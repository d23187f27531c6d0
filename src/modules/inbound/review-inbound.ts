// Agents' side of inbound mail: the list of received messages by status (the quarantine first) and one
// message as received (the decisions on a quarantined one are in quarantine-decisions.ts). Staff see
// only their organization's messages.
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { cursorKeys, decodeCursor, pageOf } from "../../platform/db/keyset.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { NotFound } from "../../platform/http/errors.js";
import { participantsByIds } from "../participants/index.js";
import { extractReply } from "./content/extract-reply.js";
import { parseEmail } from "./content/parse-email.js";
import type { TInboundEmail, TInboundQuery } from "./inbound-schemas.js";
import { inboundEmails } from "./schema.js";

/** Everything but the raw bytes, which only "view original" and the detail read. */
const summaryColumns = {
  id: inboundEmails.id,
  via: inboundEmails.via,
  receivedAt: inboundEmails.receivedAt,
  processedAt: inboundEmails.processedAt,
  fromAddress: inboundEmails.fromAddress,
  fromName: inboundEmails.fromName,
  subject: inboundEmails.subject,
  status: inboundEmails.status,
  outcome: inboundEmails.outcome,
  ticketId: inboundEmails.ticketId,
  sizeBytes: inboundEmails.sizeBytes,
  attempts: inboundEmails.attempts,
  lastError: inboundEmails.lastError,
  participantId: inboundEmails.participantId,
};

function selectSummaries(db: Db) {
  return db.select(summaryColumns).from(inboundEmails);
}

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

/** The rows as the API shows them, each with its participant (read from their module in one query). */
async function toSummaries(db: Db, scope: OrganizationScope, rows: SummaryRow[]): Promise<TInboundEmail[]> {
  const people = await participantsByIds(
    db,
    scope,
    rows.map((row) => row.participantId),
  );
  return rows.map(({ participantId, receivedAt, processedAt, ...rest }) => {
    const participant = participantId ? people.get(participantId) : undefined;
    return {
      ...rest,
      receivedAt: receivedAt.toISOString(),
      processedAt: processedAt?.toISOString() ?? null,
      participant: participant
        ? { id: participant.id, name: participant.name, email: participant.email }
        : null,
    };
  });
}

export const notFound = () => new NotFound("inbound_email_not_found", "No such e-mail.");

/** Newest first, keyset on (received at, id); one status at a time (quarantine by default). */
export async function listInboundEmails(db: Db, scope: OrganizationScope, query: TInboundQuery) {
  const conditions: SQL[] = [
    eq(inboundEmails.organizationId, scope.organizationId),
    eq(inboundEmails.status, query.status),
  ];
  if (query.cursor) {
    const after = decodeCursor(query.cursor, cursorKeys.instant);
    conditions.push(
      sql`(${inboundEmails.receivedAt}, ${inboundEmails.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const rows = await selectSummaries(db)
    .where(and(...conditions))
    .orderBy(desc(inboundEmails.receivedAt), desc(inboundEmails.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => ({ key: row.receivedAt.toISOString(), id: row.id }));
  return { items: await toSummaries(db, scope, page.items), nextCursor: page.nextCursor };
}

async function getOwnRaw(db: Db, scope: OrganizationScope, id: string): Promise<Buffer> {
  const [row] = await db
    .select({ raw: inboundEmails.raw })
    .from(inboundEmails)
    .where(and(eq(inboundEmails.id, id), eq(inboundEmails.organizationId, scope.organizationId)));
  if (!row) throw notFound();
  return row.raw;
}

/** The message as received, byte for byte ("view original"). */
export const getInboundOriginal = getOwnRaw;

export async function getInboundEmailDetail(db: Db, scope: OrganizationScope, id: string) {
  const [summary] = await selectSummaries(db).where(
    and(eq(inboundEmails.id, id), eq(inboundEmails.organizationId, scope.organizationId)),
  );
  if (!summary) throw notFound();
  const parsed = await parseEmail(await getOwnRaw(db, scope, id));
  const reply = extractReply(parsed);
  const [shown] = await toSummaries(db, scope, [summary]);
  return {
    ...shown!,
    to: parsed.recipients,
    date: parsed.date?.toISOString() ?? null,
    replyText: reply.text,
    replyHtml: reply.html,
    fullText: parsed.text,
    attachments: parsed.attachments,
  };
}

export async function getSummaryOrThrow(
  db: Db,
  scope: OrganizationScope,
  id: string,
): Promise<TInboundEmail> {
  const [row] = await selectSummaries(db).where(
    and(eq(inboundEmails.id, id), eq(inboundEmails.organizationId, scope.organizationId)),
  );
  if (!row) throw notFound();
  const [shown] = await toSummaries(db, scope, [row]);
  return shown!;
}
