// Agents' side of inbound mail: the list of received messages by status (the quarantine first), one
// message as received, and the two decisions on a quarantined one: attach it to a participant (it
// becomes their message, on a ticket) or discard it. Staff see only their organization's messages.
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { decodeCursor, pageOf } from "../../platform/db/keyset.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { Conflict, Invalid, NotFound } from "../../platform/http/errors.js";
import { type HelpdeskDeps, isParticipantTicket, receiveParticipantEmails } from "../helpdesk/index.js";
import { participantsByIds } from "../participants/index.js";
import { extractReply } from "./content/extract-reply.js";
import { parseEmail } from "./content/parse-email.js";
import type { TAttachInbound, TInboundEmail, TInboundQuery } from "./inbound-schemas.js";
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

const notFound = () => new NotFound("inbound_email_not_found", "No such e-mail.");

/** Newest first, keyset on (received at, id); one status at a time (quarantine by default). */
export async function listInboundEmails(db: Db, scope: OrganizationScope, query: TInboundQuery) {
  const conditions: SQL[] = [
    eq(inboundEmails.organizationId, scope.organizationId),
    eq(inboundEmails.status, query.status),
  ];
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
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

async function lockQuarantined(tx: Db, scope: OrganizationScope, id: string) {
  const [row] = await tx
    .select({ id: inboundEmails.id, status: inboundEmails.status, raw: inboundEmails.raw })
    .from(inboundEmails)
    .where(and(eq(inboundEmails.id, id), eq(inboundEmails.organizationId, scope.organizationId)))
    .for("update");
  if (!row) throw notFound();
  if (row.status !== "quarantined") {
    throw new Conflict("inbound_email_not_quarantined", `This e-mail was already handled (${row.status}).`);
  }
  return row;
}

/** The participant and ticket the agent chose, when they are the agent's organization's and each other's. */
async function attachTargetOrThrow(tx: Db, staff: StaffPrincipal, input: TAttachInbound) {
  const participant = (await participantsByIds(tx, staff, [input.participantId])).get(input.participantId);
  if (!participant) throw new Invalid({ participantId: ["Escolha um participante da sua organização."] });
  if (input.ticketId && !(await isParticipantTicket(tx, participant.id, input.ticketId))) {
    throw new Invalid({ ticketId: ["Escolha um atendimento deste participante."] });
  }
  return participant;
}

/** POST /api/admin/inbound/:id/attach – the agent says whose message it is (a helpdesk batch of one). */
export async function attachInboundEmail(
  deps: HelpdeskDeps,
  staff: StaffPrincipal,
  id: string,
  input: TAttachInbound,
): Promise<TInboundEmail> {
  await inTransaction(deps.db, async (tx) => {
    const row = await lockQuarantined(tx, staff, id);
    const participant = await attachTargetOrThrow(tx, staff, input);
    const parsed = await parseEmail(row.raw);
    const reply = extractReply(parsed);
    const owner = {
      participantId: participant.id,
      programId: participant.programId,
      organizationId: staff.organizationId,
    };
    const email = {
      subject: parsed.subject,
      text: reply.text || "(sem texto)",
      html: reply.html,
      emailMessageId: parsed.messageId,
      inboundEmailId: row.id,
    };
    const [result] = await receiveParticipantEmails(deps, tx, [
      { owner, answeredTicketId: input.ticketId ?? null, email },
    ]);
    await tx
      .update(inboundEmails)
      .set({
        status: result!.kind,
        outcome: "agent",
        participantId: participant.id,
        programId: participant.programId,
        ticketId: result!.ticketId,
        ticketMessageId: result!.messageId,
        handledById: staff.staffUserId,
        processedAt: new Date(),
      })
      .where(eq(inboundEmails.id, row.id));
  });
  return getSummaryOrThrow(deps.db, staff, id);
}

/** POST /api/admin/inbound/:id/discard – not for the helpdesk (spam, a stranger); the original stays. */
export async function discardInboundEmail(db: Db, staff: StaffPrincipal, id: string): Promise<TInboundEmail> {
  await inTransaction(db, async (tx) => {
    await lockQuarantined(tx, staff, id);
    await tx
      .update(inboundEmails)
      .set({ status: "discarded", handledById: staff.staffUserId, processedAt: new Date() })
      .where(eq(inboundEmails.id, id));
  });
  return getSummaryOrThrow(db, staff, id);
}

async function getSummaryOrThrow(db: Db, scope: OrganizationScope, id: string): Promise<TInboundEmail> {
  const [row] = await selectSummaries(db).where(
    and(eq(inboundEmails.id, id), eq(inboundEmails.organizationId, scope.organizationId)),
  );
  if (!row) throw notFound();
  const [shown] = await toSummaries(db, scope, [row]);
  return shown!;
}
