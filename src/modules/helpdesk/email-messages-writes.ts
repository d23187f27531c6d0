// The statements of one batch of referrers' e-mails (email-messages.ts), each a single round trip
// whatever the batch size: the rows travel as one JSON parameter (as the referral intake does).
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { rowsOf } from "../../platform/db/raw-sql.js";
import { withoutBidiControls } from "../../shared/unicode-text.js";
import type { Ticket } from "./schema.js";

export type PlannedMessage = {
  id: string;
  ticketId: string;
  organizationId: string;
  authorParticipantId: string;
  bodyText: string;
  /** Sanitized HTML of a received e-mail. */
  bodyHtml: string;
  emailMessageId: string | null;
  inboundEmailId: string;
  createdAt: Date;
};

/** A ticket the batch touches: as it will be saved, with the messages and status moves it gains. */
export type PlannedTicket = {
  ticket: Ticket;
  isNew: boolean;
  messages: PlannedMessage[];
  statusEvents: { from: string; to: string; at: Date; participantId: string }[];
};

export async function writePlannedTickets(tx: Db, planned: PlannedTicket[]): Promise<void> {
  const created = planned.filter((item) => item.isNew);
  const changed = planned.filter((item) => !item.isNew && item.messages.length > 0);
  if (created.length > 0) {
    await numberNewTickets(tx, created);
    await insertTickets(tx, created);
  }
  await insertMessages(
    tx,
    planned.flatMap((item) => item.messages),
  );
  if (changed.length > 0) await updateTickets(tx, changed);
  const events = planned.flatMap((item) =>
    item.statusEvents.map((event) => ({
      ticket_id: item.ticket.id,
      organization_id: item.ticket.organizationId,
      from_value: event.from,
      to_value: event.to,
      actor_id: event.participantId,
      created_at: event.at,
    })),
  );
  if (events.length > 0) {
    await tx.execute(sql`insert into ticket_events (ticket_id, organization_id, kind, from_value, to_value,
        actor_kind, actor_id, created_at)
      select ticket_id, organization_id, 'status', from_value, to_value, 'participant', actor_id, created_at
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as x(ticket_id uuid, organization_id uuid,
        from_value text, to_value text, actor_id uuid, created_at timestamptz)`);
  }
}

/** Each organization's next numbers, in batch order: one counter update per organization. */
async function numberNewTickets(tx: Db, created: PlannedTicket[]) {
  const byOrganization = new Map<string, PlannedTicket[]>();
  for (const item of created) {
    const key = item.ticket.organizationId;
    byOrganization.set(key, [...(byOrganization.get(key) ?? []), item]);
  }
  // Counters locked in a fixed order: two batches numbering tickets of the same organizations cannot deadlock.
  for (const [organizationId, items] of [...byOrganization].sort(([a], [b]) => a.localeCompare(b))) {
    const result = await tx.execute(sql`insert into ticket_number_counters (organization_id, last_number)
      values (${organizationId}, ${items.length})
      on conflict (organization_id) do update set last_number = ticket_number_counters.last_number + ${items.length}
      returning last_number`);
    const last = Number(rowsOf<{ last_number: number }>(result)[0]!.last_number);
    items.forEach((item, i) => {
      item.ticket = { ...item.ticket, number: last - items.length + 1 + i };
    });
  }
}

async function insertTickets(tx: Db, created: PlannedTicket[]) {
  const rows = created.map(({ ticket: t, messages }) => ({
    ...snakeTicket(t),
    participant_id: t.participantId,
    program_id: t.programId,
    number: t.number,
    subject: withoutBidiControls(t.subject),
    channel: t.channel,
    referral_id: t.referralId,
    previous_ticket_id: t.previousTicketId,
    sender_unverified: t.senderUnverified,
    created_at: t.createdAt,
    participant_read_at: t.participantReadAt,
    search_text: messages.map((message) => message.bodyText).join("\n"),
  }));
  // The search document as `createTicket` builds it: subject, the referrer's name and e-mail, the text.
  await tx.execute(sql`insert into tickets (id, organization_id, program_id, participant_id, number, subject,
      priority, status, situation, channel, referral_id, previous_ticket_id, sender_unverified, created_at,
      updated_at, last_message_at, last_activity_at, participant_read_at, first_response_due_at, resolution_due_at,
      sla_due_at, sla_paused_since, sla_paused_seconds, search_vector)
    select x.id, x.organization_id, x.program_id, x.participant_id, x.number, x.subject, 'normal', x.status,
      x.situation, x.channel, x.referral_id, x.previous_ticket_id, x.sender_unverified, x.created_at,
      x.updated_at,
      x.last_message_at, x.last_activity_at, x.participant_read_at, x.first_response_due_at,
      x.resolution_due_at, x.sla_due_at, x.sla_paused_since, x.sla_paused_seconds,
      helpdesk_search_document(concat_ws(E'\\n', x.subject, nullif(p.name, ''), nullif(p.email, ''),
        nullif(x.search_text, '')))
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(${sql.raw(ticketRecordColumns)},
      program_id uuid, participant_id uuid, number int, subject text, channel ticket_channel,
      referral_id uuid, previous_ticket_id uuid, sender_unverified boolean, created_at timestamptz,
      participant_read_at timestamptz,
      search_text text)
    join participant_directory p on p.id = x.participant_id`);
}

async function insertMessages(tx: Db, messages: PlannedMessage[]) {
  if (messages.length === 0) return;
  const rows = messages.map((m) => ({
    id: m.id,
    ticket_id: m.ticketId,
    organization_id: m.organizationId,
    author_participant_id: m.authorParticipantId,
    body_text: m.bodyText,
    body_html: m.bodyHtml,
    email_message_id: m.emailMessageId,
    inbound_email_id: m.inboundEmailId,
    created_at: m.createdAt,
  }));
  await tx.execute(sql`insert into ticket_messages (id, ticket_id, organization_id, author_kind,
      author_participant_id, is_internal, source, body_text, body_html, email_message_id, inbound_email_id,
      created_at)
    select id, ticket_id, organization_id, 'participant', author_participant_id, false, 'email', body_text,
      body_html, email_message_id, inbound_email_id, created_at
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(id uuid, ticket_id uuid,
      organization_id uuid, author_participant_id uuid, body_text text, body_html text,
      email_message_id text, inbound_email_id uuid, created_at timestamptz)`);
}

/** The fields a referrer's message and a status move change, as planned; the texts join the search. */
async function updateTickets(tx: Db, changed: PlannedTicket[]) {
  const rows = changed.map(({ ticket, messages }) => ({
    ...snakeTicket(ticket),
    resolved_at: ticket.resolvedAt,
    closed_at: ticket.closedAt,
    search_text: messages.map((message) => message.bodyText).join("\n"),
  }));
  await tx.execute(sql`update tickets t set status = x.status, situation = x.situation,
      updated_at = x.updated_at, last_message_at = x.last_message_at, last_activity_at = x.last_activity_at,
      first_response_due_at = x.first_response_due_at, resolution_due_at = x.resolution_due_at,
      sla_due_at = x.sla_due_at, sla_paused_since = x.sla_paused_since,
      sla_paused_seconds = x.sla_paused_seconds, resolved_at = x.resolved_at, closed_at = x.closed_at,
      search_vector = t.search_vector || helpdesk_search_document(x.search_text)
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(${sql.raw(ticketRecordColumns)},
      resolved_at timestamptz, closed_at timestamptz, search_text text)
    where t.id = x.id`);
}

const ticketRecordColumns = `id uuid, organization_id uuid, status ticket_status, situation ticket_situation,
  updated_at timestamptz, last_message_at timestamptz, last_activity_at timestamptz,
  first_response_due_at timestamptz, resolution_due_at timestamptz, sla_due_at timestamptz,
  sla_paused_since timestamptz, sla_paused_seconds int`;

/** The columns both the insert and the update send (see `ticketRecordColumns`). */
function snakeTicket(t: Ticket) {
  return {
    id: t.id,
    organization_id: t.organizationId,
    status: t.status,
    situation: t.situation,
    updated_at: t.updatedAt,
    last_message_at: t.lastMessageAt,
    last_activity_at: t.lastActivityAt,
    first_response_due_at: t.firstResponseDueAt,
    resolution_due_at: t.resolutionDueAt,
    sla_due_at: t.slaDueAt,
    sla_paused_since: t.slaPausedSince,
    sla_paused_seconds: t.slaPausedSeconds,
  };
}
