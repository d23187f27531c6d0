// The admins' side of suppressions: which addresses the organization's programs no longer write to and
// why, and lifting one (an address fixed, a bounce judged wrong). A lift is audited with what it lifted.
import { z } from "zod";
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { Db } from "../../platform/db/client.js";
import { ZCursor } from "../../platform/db/keyset.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { NotFound } from "../../platform/http/errors.js";
import { suppressionReasons } from "../../platform/mail/schema.js";
import { listSuppressions } from "../../platform/mail/suppression-list.js";
import { liftSuppressions } from "../../platform/mail/suppressions.js";
import { listOrganizationPrograms } from "../programs/index.js";

export const ZSuppressionQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: ZCursor.optional(),
  /** Part of the address. */
  email: z.string().trim().max(320).optional(),
});

export const ZSuppression = z.object({
  id: z.string(),
  email: z.string(),
  program: z.object({ id: z.string(), name: z.string() }),
  reason: z.enum(suppressionReasons),
  /** For a bounce: the report's status code, or the soft failures that added up. */
  detail: z.string().nullable(),
  createdAt: z.string(),
  /** The e-mail that bounced, and the delivery report (a received e-mail) that said so. */
  source: z
    .object({
      outboxId: z.string(),
      template: z.string().nullable(),
      subject: z.string().nullable(),
      sentAt: z.string().nullable(),
      inboundEmailId: z.string().nullable(),
    })
    .nullable(),
});
type TSuppression = z.infer<typeof ZSuppression>;

export async function listOrganizationSuppressions(
  db: Db,
  staff: StaffPrincipal,
  query: z.infer<typeof ZSuppressionQuery>,
): Promise<{ items: TSuppression[]; nextCursor: string | null }> {
  const programs = await listOrganizationPrograms(db, staff);
  const names = new Map(programs.map((program) => [program.id, program.name]));
  const page = await listSuppressions(db, { ...query, programIds: [...names.keys()] });
  const items = page.items.map((row) => ({
    id: row.id,
    email: row.email,
    program: { id: row.programId, name: names.get(row.programId) ?? "" },
    reason: row.reason,
    detail: row.detail,
    createdAt: row.createdAt.toISOString(),
    source: row.sourceOutboxId
      ? {
          outboxId: row.sourceOutboxId,
          template: row.sourceTemplate,
          subject: row.sourceSubject,
          sentAt: row.sourceSentAt?.toISOString() ?? null,
          inboundEmailId: row.sourceInboundEmailId,
        }
      : null,
  }));
  return { items, nextCursor: page.nextCursor };
}

/** DELETE /api/admin/suppressions/:id – the program writes to the address again. */
export async function liftOrganizationSuppression(db: Db, staff: StaffPrincipal, id: string): Promise<void> {
  const programIds = (await listOrganizationPrograms(db, staff)).map((program) => program.id);
  await inTransaction(db, async (tx) => {
    const [lifted] = await liftSuppressions(tx, programIds, [id]);
    if (!lifted) throw new NotFound("suppression_not_found", "No such suppression.");
    await recordAudit(tx, {
      organizationId: staff.organizationId,
      programId: lifted.programId,
      actorKind: "staff",
      actorId: staff.staffUserId,
      action: "mail.suppression_lifted",
      subjectType: "email_suppression",
      subjectId: lifted.id,
      data: { email: lifted.email, reason: lifted.reason, detail: lifted.detail, since: lifted.createdAt },
    });
  });
}
