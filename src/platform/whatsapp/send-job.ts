import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { JobOutcome } from "../jobs/job.js";
import { devMailbox } from "../mail/schema.js";
import { extractLinks } from "../mail/transport.js";
import { sendWhatsAppTemplate, WhatsAppApiError, type WhatsAppCloudSettings } from "./cloud-api-client.js";
import { type WhatsAppOutboxMessage, whatsappOutbox } from "./schema.js";

/** Delivers a message: to the Cloud API when configured, else to the development mailbox. */
export type WhatsAppDelivery = (message: WhatsAppOutboxMessage) => Promise<string>;

export function cloudApiDelivery(settings: WhatsAppCloudSettings): WhatsAppDelivery {
  return (message) => sendWhatsAppTemplate(settings, message);
}

export function developmentDelivery(db: Db): WhatsAppDelivery {
  return async (message) => {
    const messageId = `whatsapp-${message.id}`;
    await db.insert(devMailbox).values({
      channel: "whatsapp",
      messageId,
      toAddress: message.toPhone,
      fromAddress: "WhatsApp",
      subject: `WhatsApp · ${message.templateName}`,
      text: message.text,
      html: "",
      headers: { "X-WhatsApp-Template": message.templateName, "X-WhatsApp-Language": message.languageCode },
      links: extractLinks(message.text),
    });
    return messageId;
  };
}

/** Sends one outbox message, at least once; a permanent refusal is recorded and not retried. */
export function createWhatsAppSendHandler(db: Db, deliver: WhatsAppDelivery) {
  return async ({ outboxId }: { outboxId: string }): Promise<JobOutcome> => {
    const [message] = await db.select().from(whatsappOutbox).where(eq(whatsappOutbox.id, outboxId));
    if (!message) return { status: "skipped", detail: "no such outbox row" };
    if (message.status !== "pending") return { status: "skipped", detail: `already ${message.status}` };
    let providerMessageId: string;
    try {
      providerMessageId = await deliver(message);
    } catch (err) {
      const isPermanent = err instanceof WhatsAppApiError && err.isPermanent;
      await db
        .update(whatsappOutbox)
        .set({
          attempts: sql`${whatsappOutbox.attempts} + 1`,
          lastError: String(err instanceof Error ? err.message : err),
          ...(isPermanent ? { status: "failed" as const } : {}),
        })
        .where(eq(whatsappOutbox.id, outboxId));
      if (isPermanent) return { status: "skipped", detail: "refused by the WhatsApp API" };
      throw err;
    }
    await db
      .update(whatsappOutbox)
      .set({
        status: "sent",
        sentAt: new Date(),
        providerMessageId,
        attempts: sql`${whatsappOutbox.attempts} + 1`,
      })
      .where(and(eq(whatsappOutbox.id, outboxId), eq(whatsappOutbox.status, "pending")));
    return { status: "done", detail: providerMessageId };
  };
}
