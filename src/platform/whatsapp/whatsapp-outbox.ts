import { z } from "zod";
import type { Db } from "../db/client.js";
import type { Locale } from "../i18n/locale.js";
import { defineJob, type JobQueue } from "../jobs/job.js";
import { whatsappOutbox } from "./schema.js";

export const whatsappSendJob = defineJob("whatsapp.send", z.object({ outboxId: z.uuid() }), {
  retryLimit: 6,
});

export type OutgoingWhatsApp = {
  toPhone: string;
  /** The approved template's name and its body parameters ({{1}}, {{2}}… in order). */
  templateName: string;
  parameters: string[];
  /** The same message as plain text: what the development mailbox and the audit show. */
  text: string;
  locale: Locale;
  organizationId?: string;
  programId?: string;
  participantId?: string;
};

/** WhatsApp's language codes for our locales. */
const languageCodes: Record<Locale, string> = { "pt-BR": "pt_BR", en: "en" };

/**
 * Writes a WhatsApp message and its send job through `tx`, the transaction of its cause. Returns null,
 * writing nothing, without a phone number in E.164 form.
 */
export async function enqueueWhatsApp(
  tx: Db,
  deps: { jobs: JobQueue },
  message: OutgoingWhatsApp,
): Promise<{ outboxId: string } | null> {
  if (!/^\+[1-9][0-9]{7,14}$/.test(message.toPhone)) return null;
  const [row] = await tx
    .insert(whatsappOutbox)
    .values({
      organizationId: message.organizationId ?? null,
      programId: message.programId ?? null,
      participantId: message.participantId ?? null,
      toPhone: message.toPhone,
      templateName: message.templateName,
      languageCode: languageCodes[message.locale],
      parameters: message.parameters,
      text: message.text,
    })
    .returning({ id: whatsappOutbox.id });
  await deps.jobs.enqueue(tx, whatsappSendJob, { outboxId: row!.id });
  return { outboxId: row!.id };
}
