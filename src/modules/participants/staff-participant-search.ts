// GET /api/admin/participants?q= – staff find a referrer of their organization by name or e-mail (e.g. to
// attach a quarantined e-mail to them). A handful of matches, never a listing of everyone.
import { and, asc, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { programNamesByIds } from "../programs/index.js";
import { participants } from "./schema.js";

export const ZParticipantSearch = z.object({
  q: z.string().trim().min(2, "Digite ao menos 2 caracteres.").max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const ZParticipantMatch = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.enum(["active", "left"]),
  program: z.object({ id: z.string(), name: z.string() }),
});

/** `%` and `_` typed by the user are literal characters, not LIKE wildcards. */
const literal = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export async function searchParticipants(
  db: Db,
  scope: OrganizationScope,
  query: z.infer<typeof ZParticipantSearch>,
) {
  const text = literal(query.q);
  const matches: SQL[] = [
    ilike(participants.name, `%${text}%`),
    ilike(participants.email, `${text.toLowerCase()}%`),
  ];
  const rows = await db
    .select({
      id: participants.id,
      name: participants.name,
      email: participants.email,
      status: participants.status,
      programId: participants.programId,
    })
    .from(participants)
    .where(and(eq(participants.organizationId, scope.organizationId), or(...matches)))
    .orderBy(asc(participants.name), asc(participants.id))
    .limit(query.limit);
  const programNames = await programNamesByIds(
    db,
    rows.map((row) => row.programId),
  );
  return {
    items: rows.map(({ programId, ...row }) => ({
      ...row,
      program: { id: programId, name: programNames.get(programId) ?? "" },
    })),
  };
}
