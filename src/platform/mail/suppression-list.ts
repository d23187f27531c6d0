// The admins' list of suppressed addresses (/admin/settings/suppressions): newest first, a page at a
// time, each with what caused it (the e-mail that bounced, when it was sent).
import { and, desc, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { cursorKeys, decodeCursor, pageOf } from "../db/keyset.js";
import { emailOutbox, emailSuppressions } from "./schema.js";

export type SuppressionQuery = { programIds: string[]; limit: number; cursor?: string; email?: string };

export async function listSuppressions(db: Db, query: SuppressionQuery) {
  if (query.programIds.length === 0) return { items: [], nextCursor: null };
  const conditions: SQL[] = [inArray(emailSuppressions.programId, query.programIds)];
  if (query.email) conditions.push(ilike(emailSuppressions.email, `%${escapeLike(query.email)}%`));
  if (query.cursor) {
    const after = decodeCursor(query.cursor, cursorKeys.instant);
    conditions.push(
      sql`(${emailSuppressions.createdAt}, ${emailSuppressions.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: emailSuppressions.id,
      programId: emailSuppressions.programId,
      email: emailSuppressions.email,
      reason: emailSuppressions.reason,
      detail: emailSuppressions.detail,
      createdAt: emailSuppressions.createdAt,
      sourceInboundEmailId: emailSuppressions.sourceInboundEmailId,
      sourceOutboxId: emailSuppressions.sourceOutboxId,
      sourceTemplate: emailOutbox.template,
      sourceSubject: emailOutbox.subject,
      sourceSentAt: emailOutbox.sentAt,
    })
    .from(emailSuppressions)
    .leftJoin(emailOutbox, eq(emailOutbox.id, emailSuppressions.sourceOutboxId))
    .where(and(...conditions))
    .orderBy(desc(emailSuppressions.createdAt), desc(emailSuppressions.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (row) => ({ key: row.createdAt.toISOString(), id: row.id }));
}

/** `%` and `_` typed in a search are letters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
