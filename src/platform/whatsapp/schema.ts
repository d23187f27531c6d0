import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const whatsappOutboxStatusEnum = pgEnum("whatsapp_outbox_status", ["pending", "sent", "failed"]);

/**
 * WhatsApp messages waiting for the send job, written in the transaction of the change that causes
 * them (as e-mail is). Business-initiated WhatsApp messages must use a template approved in the
 * WhatsApp Business account: the row names it and holds its body parameters, plus the rendered text.
 */
export const whatsappOutbox = pgTable(
  "whatsapp_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id"),
    programId: uuid("program_id"),
    participantId: uuid("participant_id"),
    // E.164 (+5511987654321).
    toPhone: text("to_phone").notNull(),
    templateName: text("template_name").notNull(),
    languageCode: text("language_code").notNull(),
    parameters: jsonb("parameters").$type<string[]>().notNull(),
    text: text("text").notNull(),
    status: whatsappOutboxStatusEnum("status").notNull().default("pending"),
    providerMessageId: text("provider_message_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [index("whatsapp_outbox_participant_idx").on(table.participantId, table.createdAt)],
);

export type WhatsAppOutboxMessage = typeof whatsappOutbox.$inferSelect;
