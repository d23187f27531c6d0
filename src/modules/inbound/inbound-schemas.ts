import { z } from "zod";
import { ZCursor } from "../../platform/db/keyset.js";
import { inboundChannels, inboundEmailStatuses } from "./schema.js";

export const ZInboundQuery = z.object({
  status: z.enum(inboundEmailStatuses).default("quarantined"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: ZCursor.optional(),
});
export type TInboundQuery = z.infer<typeof ZInboundQuery>;

export const ZInboundEmail = z
  .object({
    id: z.string(),
    via: z.enum(inboundChannels),
    receivedAt: z.string(),
    processedAt: z.string().nullable(),
    fromAddress: z.string().nullable(),
    fromName: z.string().nullable(),
    subject: z.string().nullable(),
    status: z.enum(inboundEmailStatuses),
    outcome: z
      .string()
      .nullable()
      .describe("How it was routed, or why it was held or ignored (`unknown_sender`, `bounced:a@b`, …)."),
    participant: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
    ticketId: z.string().nullable(),
    sizeBytes: z.number(),
    attempts: z.number(),
    lastError: z.string().nullable(),
  })
  .meta({ id: "InboundEmail" });
export type TInboundEmail = z.infer<typeof ZInboundEmail>;

export const ZInboundEmailDetail = ZInboundEmail.extend({
  to: z.array(z.string()),
  date: z.string().nullable(),
  replyText: z.string().describe("What the sender wrote now (quoted history and signature stripped)."),
  replyHtml: z.string().describe("The reply as sanitized HTML: safe to render."),
  fullText: z.string().describe("The whole text part as received."),
  attachments: z.array(
    z.object({ fileName: z.string().nullable(), contentType: z.string(), size: z.number() }),
  ),
}).meta({ id: "InboundEmailDetail" });

export const ZAttachInbound = z.object({
  participantId: z.uuid(),
  /** One of that participant's tickets; a resolved or closed one gets a new ticket linked to it. */
  ticketId: z.uuid().nullish(),
});
export type TAttachInbound = z.infer<typeof ZAttachInbound>;
