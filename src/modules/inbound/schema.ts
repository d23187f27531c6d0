// Inbound e-mail (DESIGN "Inbound e-mail"): every message that reaches us, stored raw before anything
// else happens to it, then parsed, classified and routed into the helpdesk by a job.
import { sql } from "drizzle-orm";
import {
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { participants } from "../participants/schema.js";
import { organizations, programs } from "../programs/schema.js";
import { staffUsers } from "../staff/schema.js";
import type { SenderAuthentication } from "./sender-authentication.js";

// node-postgres returns a Buffer, PGlite a Uint8Array: both become a Buffer (what MIME parsers take).
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * - `received`: stored, not processed yet (or processing failed and the job will retry);
 * - `attached`: became a message on an existing ticket; `ticket_opened`: opened a new ticket;
 * - `quarantined`: nobody we could bind it to; waits for an agent to attach or discard it;
 * - `ignored`: automatic mail (auto-reply, list, loop) or over the sender's hourly cap: never a message;
 * - `bounce`: a delivery report (bounces.ts says when it suppresses an address);
 * - `discarded`: an agent threw a quarantined message away;
 * - `failed`: its bytes cannot be read as mail (too many parts, nesting too deep, headers too large):
 *   kept with the reason in `outcome`, listed for owners (`corrente inbound failed`) and agents.
 */
export const inboundEmailStatuses = [
  "received",
  "attached",
  "ticket_opened",
  "quarantined",
  "ignored",
  "bounce",
  "discarded",
  "failed",
] as const;
export type InboundEmailStatus = (typeof inboundEmailStatuses)[number];
export const inboundEmailStatusEnum = pgEnum("inbound_email_status", inboundEmailStatuses);

export const inboundChannels = ["smtp", "http"] as const;
export const inboundChannelEnum = pgEnum("inbound_email_channel", inboundChannels);

export const inboundEmails = pgTable(
  "inbound_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Known once routed (or from the program named in the recipient); null while it is not.
    organizationId: uuid("organization_id").references(() => organizations.id),
    programId: uuid("program_id").references(() => programs.id),
    via: inboundChannelEnum("via").notNull(),
    envelopeFrom: text("envelope_from"),
    envelopeTo: jsonb("envelope_to").$type<string[]>().notNull(),
    // The message exactly as received: "view original", and reprocessing after a fix.
    raw: bytea("raw").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    // Idempotency: the Message-ID, or a hash of the raw bytes when the message has none. A provider
    // posting the same message twice, or a relay retrying, stores and processes it once.
    messageKey: text("message_key").notNull(),
    messageId: text("message_id"),
    fromAddress: text("from_address"),
    fromName: text("from_name"),
    subject: text("subject"),
    // What the door learnt of the sender (DKIM, SPF, DMARC); null when a trusted relay's
    // Authentication-Results are read instead, or for mail stored before the check existed.
    senderAuthentication: jsonb("sender_authentication").$type<SenderAuthentication>(),
    status: inboundEmailStatusEnum("status").notNull().default("received"),
    // Why it went where it went: how it was routed (`token`, `references`, `sender`, `agent`) or why it
    // was held (`unknown_sender`, `ambiguous_sender`, `auto_submitted`, `rate_limited`, …).
    outcome: text("outcome"),
    participantId: uuid("participant_id").references(() => participants.id),
    ticketId: uuid("ticket_id"),
    ticketMessageId: uuid("ticket_message_id"),
    handledById: uuid("handled_by_id").references(() => staffUsers.id),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("inbound_emails_message_key_unique").on(table.messageKey),
    // The quarantine page: one organization's held messages, newest first.
    index("inbound_emails_organization_status_idx").on(
      table.organizationId,
      table.status,
      table.receivedAt,
      table.id,
    ),
    // The per-sender hourly cap.
    index("inbound_emails_from_received_idx").on(table.fromAddress, table.receivedAt),
    // The batches' claim: received messages, oldest first (a small index, messages leave it once processed).
    index("inbound_emails_received_idx")
      .on(table.receivedAt, table.id)
      .where(sql`${table.status} = 'received'`),
  ],
);

export type InboundEmail = typeof inboundEmails.$inferSelect;
