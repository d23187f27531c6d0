import { and, eq, gt, isNull } from "drizzle-orm";
import { hashToken, newSecretToken } from "../../platform/crypto/tokens.js";
import type { Db } from "../../platform/db/client.js";
import type { ParticipantPrincipal } from "../../platform/http/access.js";
import { participantSessions, participants } from "./schema.js";

export const PARTICIPANT_SESSION_DAYS = 30;

export async function openParticipantSession(
  db: Db,
  input: { participantId: string; programId: string; ip?: string; userAgent?: string },
): Promise<{ token: string; sessionId: string }> {
  const token = newSecretToken();
  const [session] = await db
    .insert(participantSessions)
    .values({
      tokenHash: hashToken(token),
      participantId: input.participantId,
      programId: input.programId,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      expiresAt: new Date(Date.now() + PARTICIPANT_SESSION_DAYS * 86_400_000),
    })
    .returning({ id: participantSessions.id });
  return { token, sessionId: session!.id };
}

export async function resolveParticipantSession(db: Db, token: string): Promise<ParticipantPrincipal | null> {
  const [row] = await db
    .select({
      sessionId: participantSessions.id,
      participantId: participants.id,
      programId: participants.programId,
      organizationId: participants.organizationId,
    })
    .from(participantSessions)
    .innerJoin(participants, eq(participants.id, participantSessions.participantId))
    .where(
      and(
        eq(participantSessions.tokenHash, hashToken(token)),
        isNull(participantSessions.revokedAt),
        gt(participantSessions.expiresAt, new Date()),
        eq(participants.status, "active"),
      ),
    );
  return row ?? null;
}

export async function revokeParticipantSession(db: Db, principal: ParticipantPrincipal): Promise<void> {
  await db
    .update(participantSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(participantSessions.id, principal.sessionId),
        eq(participantSessions.participantId, principal.participantId),
      ),
    );
}
