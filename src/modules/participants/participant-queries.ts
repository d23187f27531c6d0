import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { ProgramScope } from "../../platform/db/tenant.js";
import { NotFound } from "../../platform/http/errors.js";
import { normalizeEmail } from "../../shared/email.js";
import { type Participant, participants } from "./schema.js";

export async function findParticipantByEmail(
  db: Db,
  scope: ProgramScope,
  email: string,
): Promise<Participant | null> {
  const [participant] = await db
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.organizationId, scope.organizationId),
        eq(participants.programId, scope.programId),
        eq(participants.email, normalizeEmail(email)),
      ),
    );
  return participant ?? null;
}

export async function getParticipantOrThrow(
  db: Db,
  scope: ProgramScope,
  participantId: string,
): Promise<Participant> {
  const [participant] = await db
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.id, participantId),
        eq(participants.organizationId, scope.organizationId),
        eq(participants.programId, scope.programId),
      ),
    );
  if (!participant) throw new NotFound("participant_not_found", "Participant not found.");
  return participant;
}

/** Creates the referrer, or updates name and phone when the e-mail already takes part in the program. */
export async function upsertParticipant(
  db: Db,
  scope: ProgramScope,
  input: {
    email: string;
    name: string;
    phone?: string | null;
    birthDate?: string | null;
    isCustomer?: boolean;
    locale?: string;
    /** When they joined, for someone who took part before Corrente knew (the demo); default now. */
    joinedAt?: Date;
  },
): Promise<Participant> {
  const values = {
    organizationId: scope.organizationId,
    programId: scope.programId,
    email: normalizeEmail(input.email),
    name: input.name,
    phone: input.phone ?? null,
    birthDate: input.birthDate ?? null,
    isCustomer: input.isCustomer ?? false,
    locale: input.locale ?? "pt-BR",
    ...(input.joinedAt ? { createdAt: input.joinedAt, updatedAt: input.joinedAt } : {}),
  };
  const [participant] = await db
    .insert(participants)
    .values(values)
    .onConflictDoUpdate({
      target: [participants.programId, participants.email],
      set: { name: values.name, phone: values.phone, updatedAt: new Date() },
    })
    .returning();
  return participant!;
}
