import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { devMailbox } from "./schema.js";

export async function listDevMailbox(db: Db, limit = 100, channel?: "email" | "whatsapp") {
  const rows = await db
    .select()
    .from(devMailbox)
    .where(channel ? eq(devMailbox.channel, channel) : undefined)
    .orderBy(desc(devMailbox.deliveredAt), desc(devMailbox.id))
    .limit(limit);
  return rows.map((row) => ({
    channel: row.channel,
    to: row.toAddress,
    from: row.fromAddress,
    replyTo: row.replyTo,
    subject: row.subject,
    text: row.text,
    html: row.html,
    messageId: row.messageId,
    links: row.links,
    sentAt: row.deliveredAt.toISOString(),
  }));
}
