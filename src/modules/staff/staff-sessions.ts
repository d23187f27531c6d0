import { and, eq, gt, isNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.js";
import { verifyAgainstDummy, verifyPassword } from "../../platform/crypto/passwords.js";
import { hashToken, newSecretToken } from "../../platform/crypto/tokens.js";
import type { Db } from "../../platform/db/client.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { Unauthenticated } from "../../platform/http/errors.js";
import { normalizeEmail } from "../../shared/email.js";
import { type StaffUser, staffSessions, staffUsers } from "./schema.js";

export const STAFF_SESSION_HOURS = 12;

type ClientInfo = { ip?: string; userAgent?: string };

/**
 * Checks e-mail and password and opens a new session (a fresh token every time, so a session id
 * planted before sign-in is never promoted: no session fixation). Unknown e-mails spend the same time
 * hashing as known ones, so the answer does not reveal which accounts exist.
 */
export async function signInStaff(
  db: Db,
  input: { email: string; password: string } & ClientInfo,
): Promise<{ token: string; sessionId: string; user: StaffUser }> {
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.email, normalizeEmail(input.email)));
  const isValid =
    user && !user.disabledAt
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);
  if (!user || !isValid) {
    await recordAudit(db, {
      organizationId: user?.organizationId,
      actorKind: "anonymous",
      action: "staff.sign_in_failed",
      data: { email: normalizeEmail(input.email) },
      ip: input.ip,
      userAgent: input.userAgent,
    });
    throw new Unauthenticated("invalid_credentials", "E-mail or password is wrong.");
  }
  const token = newSecretToken();
  const [session] = await db
    .insert(staffSessions)
    .values({
      tokenHash: hashToken(token),
      staffUserId: user.id,
      organizationId: user.organizationId,
      ip: input.ip ?? null,
      userAgent: input.userAgent ?? null,
      expiresAt: new Date(Date.now() + STAFF_SESSION_HOURS * 3_600_000),
    })
    .returning({ id: staffSessions.id });
  await recordAudit(db, {
    organizationId: user.organizationId,
    actorKind: "staff",
    actorId: user.id,
    action: "staff.signed_in",
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { token, sessionId: session!.id, user };
}

export async function resolveStaffSession(db: Db, token: string): Promise<StaffPrincipal | null> {
  const [row] = await db
    .select({
      sessionId: staffSessions.id,
      staffUserId: staffUsers.id,
      organizationId: staffUsers.organizationId,
      role: staffUsers.role,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffUserId))
    .where(
      and(
        eq(staffSessions.tokenHash, hashToken(token)),
        isNull(staffSessions.revokedAt),
        gt(staffSessions.expiresAt, new Date()),
        isNull(staffUsers.disabledAt),
      ),
    );
  return row ?? null;
}

export async function revokeStaffSession(db: Db, principal: StaffPrincipal): Promise<void> {
  await db
    .update(staffSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(staffSessions.id, principal.sessionId),
        eq(staffSessions.organizationId, principal.organizationId),
      ),
    );
}
