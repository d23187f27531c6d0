import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  json,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const suppressionReasons = ["objected", "bounced", "left_program"] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

export const outboxStatusEnum = pgEnum("email_outbox_status", ["pending", "sent", "failed"]);

/**
 * Every e-mail the product sends, written in the same transaction as the change that causes it and
 * delivered later by the `mail.send` job. The row's id is the Message-ID's left part and the reply
 * token's subject, so a retry is recognisable and a reply can be traced back to what was sent.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id"),
    programId: uuid("program_id"),
    // What the e-mail is about, for routing replies into the helpdesk.
    participantId: uuid("participant_id"),
    ticketId: uuid("ticket_id"),
    template: text("template").notNull(),
    locale: text("locale").notNull(),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    replyTo: text("reply_to"),
    // Rendered when written, or, for bulk mail (the monthly digest), on the first delivery attempt from
    // `templateData`: then the attempt stores what it rendered, so a retry sends the very same content.
    subject: text("subject"),
    text: text("text"),
    html: text("html"),
    /**
     * What the template renders at send time (bulk mail only): its data and the brand at the top. `json`,
     * not `jsonb`: it is only stored and read back whole, and json is cheaper to write.
     */
    templateData: json("template_data").$type<{ brand: string; data: unknown }>(),
    messageId: text("message_id").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("email_outbox_message_id_unique").on(table.messageId),
    index("email_outbox_status_idx").on(table.status, table.createdAt),
    index("email_outbox_participant_idx").on(table.participantId),
    check(
      "email_outbox_content_or_data",
      sql`(${table.subject} is not null and ${table.text} is not null and ${table.html} is not null) or ${table.templateData} is not null`,
    ),
  ],
);

/**
 * The development mailbox: where e-mails go when no SMTP_URL is set. One row per delivery, so a
 * message delivered twice shows twice (crash tests count deliveries by Message-ID).
 */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The development mailbox also holds WhatsApp messages when no WhatsApp account is configured.
    channel: text("channel", { enum: ["email", "whatsapp"] })
      .notNull()
      .default("email"),
    messageId: text("message_id").notNull(),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    links: jsonb("links").$type<string[]>().notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("dev_mailbox_delivered_idx").on(table.deliveredAt),
    index("dev_mailbox_message_id_idx").on(table.messageId),
  ],
);

export type OutboxRow = typeof emailOutbox.$inferSelect;
/** An outbox e-mail ready to deliver: its content rendered. */
export type OutboxEmail = Omit<OutboxRow, "subject" | "text" | "html" | "templateData"> & {
  subject: string;
  text: string;
  html: string;
};

/**
 * Addresses a program must not write to again: a referred contact who objected (LGPD), an address that
 * bounces (bounces.ts in inbound decides when), or a referrer who left. `enqueueEmail` skips them. Each
 * keeps why, since when and, for a bounce, the e-mail that failed and the report that said so, so an
 * admin can judge it before lifting it (/admin/settings/suppressions).
 */
export const emailSuppressions = pgTable(
  "email_suppressions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id").notNull(),
    email: text("email").notNull(),
    reason: text("reason", { enum: suppressionReasons }).notNull(),
    /** For a bounce: the report's status ("5.1.1"), or the soft failures that added up. */
    detail: text("detail"),
    /** The outbox e-mail that bounced. */
    sourceOutboxId: uuid("source_outbox_id"),
    /** The received delivery report (inbound_emails.id: platform tables name module rows by id only). */
    sourceInboundEmailId: uuid("source_inbound_email_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("email_suppressions_unique").on(table.programId, table.email),
    // The admins' list: newest first.
    index("email_suppressions_program_created_idx").on(table.programId, table.createdAt, table.id),
  ],
);

export type EmailSuppression = typeof emailSuppressions.$inferSelect;

/**
 * Each delivery failure a signed bounce address received, one per e-mail we sent and kind: a hard
 * failure suppresses at once, soft ones add up (suppressions.ts says the rule). A report repeated for
 * the same e-mail counts once.
 */
export const emailBounces = pgTable(
  "email_bounces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id").notNull(),
    email: text("email").notNull(),
    outboxId: uuid("outbox_id").notNull(),
    kind: text("kind", { enum: ["hard", "soft"] }).notNull(),
    /** The report's RFC 3463 status code, when it gives one. */
    status: text("status"),
    inboundEmailId: uuid("inbound_email_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("email_bounces_outbox_kind_unique").on(table.outboxId, table.kind),
    index("email_bounces_recipient_idx").on(table.programId, table.email, table.createdAt),
  ],
);
