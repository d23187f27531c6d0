// Per-program SLA targets (first response and resolution, per priority). A change applies to tickets
// opened or re-prioritised afterwards: deadlines already promised are not moved behind the agent's back.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { getOrganizationProgramOrThrow } from "../programs/index.js";
import { helpdeskSettings, type SlaTargets, ticketPriorities } from "./schema.js";
import { defaultSlaTargets } from "./sla.js";

const MAX_MINUTES = 90 * 24 * 60;

const ZSlaTarget = z
  .object({
    firstResponseMinutes: z.number().int().min(5).max(MAX_MINUTES),
    resolutionMinutes: z.number().int().min(5).max(MAX_MINUTES),
  })
  .refine((target) => target.firstResponseMinutes <= target.resolutionMinutes, {
    message: "O prazo de primeira resposta não pode passar o de resolução.",
    path: ["firstResponseMinutes"],
  });

export const ZSlaTargets = z.object(
  Object.fromEntries(ticketPriorities.map((priority) => [priority, ZSlaTarget])) as Record<
    (typeof ticketPriorities)[number],
    typeof ZSlaTarget
  >,
);

export const ZHelpdeskSettings = z.object({
  programId: z.string(),
  slaTargets: ZSlaTargets,
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});

/** The targets new deadlines are computed from; the defaults until the program sets its own. */
export async function getSlaTargets(db: Db, programId: string): Promise<SlaTargets> {
  const [row] = await db
    .select({ slaTargets: helpdeskSettings.slaTargets })
    .from(helpdeskSettings)
    .where(eq(helpdeskSettings.programId, programId));
  return row?.slaTargets ?? defaultSlaTargets;
}

export async function getHelpdeskSettings(db: Db, scope: OrganizationScope, programId: string) {
  await getOrganizationProgramOrThrow(db, scope, programId);
  const [row] = await db.select().from(helpdeskSettings).where(eq(helpdeskSettings.programId, programId));
  return {
    programId,
    slaTargets: row?.slaTargets ?? defaultSlaTargets,
    isDefault: !row,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function updateHelpdeskSettings(
  db: Db,
  staff: StaffPrincipal,
  programId: string,
  slaTargets: SlaTargets,
) {
  const scope = { organizationId: staff.organizationId };
  await getOrganizationProgramOrThrow(db, scope, programId);
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .insert(helpdeskSettings)
      .values({ programId, organizationId: staff.organizationId, slaTargets, updatedById: staff.staffUserId })
      .onConflictDoUpdate({
        target: helpdeskSettings.programId,
        set: { slaTargets, updatedById: staff.staffUserId, updatedAt: now },
      });
    await recordAudit(tx as unknown as Db, {
      organizationId: staff.organizationId,
      programId,
      actorKind: "staff",
      actorId: staff.staffUserId,
      action: "helpdesk.sla_changed",
      subjectType: "program",
      subjectId: programId,
      data: { slaTargets },
    });
  });
  return getHelpdeskSettings(db, scope, programId);
}
