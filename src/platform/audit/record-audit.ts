import type { Db } from "../db/client.js";
import { auditLog } from "./schema.js";

export type AuditEntry = {
  organizationId?: string | null;
  programId?: string | null;
  actorKind: "staff" | "participant" | "anonymous" | "system";
  actorId?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  data?: Record<string, unknown>;
  ip?: string;
  userAgent?: string;
};

/** Appends to the audit log through `db`, usually the transaction of the audited change. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    organizationId: entry.organizationId ?? null,
    programId: entry.programId ?? null,
    actorKind: entry.actorKind,
    actorId: entry.actorId ?? null,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    data: entry.data ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, 512) ?? null,
  });
}
