import { and, eq, gt, isNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { AppContext } from "../../platform/context.js";
import { verifyAgainstDummy, verifyPassword } from "../../platform/crypto/passwords.js";
import { hashToken, newSecretToken } from "../../platform/crypto/tokens.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { Unauthenticated } from "../../platform/http/errors.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmail } from "../../platform/mail/outbox.js";
import { normalizeEmail } from "../../shared/email.js";
import { getOrganizationOrThrow } from "../programs/index.js";
import { type StaffUser, staffSessions, staffUsers } from "./schema.js";
import { signInLockedEmail } from "./sign-in-locked-email.js";
import {
  countFailedSignIn,
  forgetFailedSignIns,
  SIGN_IN_FAILURES_ALLOWED,
  SIGN_IN_LOCK_MINUTES,
  throwIfSignInLocked,
} from "./sign-in-throttle.js";

export const STAFF_SESSION_HOURS = 12;

type ClientInfo = { ip?: string; userAgent?: string };

/**
 * Checks e-mail and password and opens a new session (a fresh token every time, so a session id
 * planted before sign-in is never promoted: no session fixation). Unknown e-mails spend the same time
 * hashing as known ones, so the answer does not reveal which accounts exist. An e-mail with too many
 * recent failures is refused before any check (sign-in-throttle.ts), known or not.
 */
export async function signInStaff(
  ctx: AppContext,
  input: { email: string; password: string } & ClientInfo,
): Promise<{ token: string; sessionId: string; user: StaffUser }> {
  const email = normalizeEmail(input.email);
  await throwIfSignInLocked(ctx, ctx.db, email);
  const [user] = await ctx.db.select().from(staffUsers).where(eq(staffUsers.email, email));
  const isValid =
    user && !user.disabledAt
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);
  if (!user || !isValid) {
    await inTransaction(ctx.db, (tx) => recordFailedSignIn(ctx, tx, email, user, input));
    throw new Unauthenticated("invalid_credentials", "E-mail or password is wrong.");
  }
  await forgetFailedSignIns(ctx, ctx.db, email);
  const token = newSecretToken();
  const [session] = await ctx.db
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
  await recordAudit(ctx.db, {
    organizationId: user.organizationId,
    actorKind: "staff",
    actorId: user.id,
    action: "staff.signed_in",
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { token, sessionId: session!.id, user };
}

/**
 * Counts the failure and audits it; the failure that locks the e-mail also tells its account, if one
 * exists, once (the e-mail is written in this transaction).
 */
async function recordFailedSignIn(
  ctx: AppContext,
  tx: Db,
  email: string,
  user: StaffUser | undefined,
  client: ClientInfo,
) {
  const isNowLocked = await countFailedSignIn(ctx, tx, email);
  await recordAudit(tx, {
    organizationId: user?.organizationId,
    actorKind: "anonymous",
    action: isNowLocked ? "staff.sign_in_locked" : "staff.sign_in_failed",
    data: { email },
    ip: client.ip,
    userAgent: client.userAgent,
  });
  if (!isNowLocked || !user || user.disabledAt) return;
  const organization = await getOrganizationOrThrow(tx, { organizationId: user.organizationId });
  await enqueueEmail(tx, ctx, {
    template: signInLockedEmail,
    data: {
      name: user.name,
      organizationName: organization.name,
      failures: SIGN_IN_FAILURES_ALLOWED,
      lockMinutes: SIGN_IN_LOCK_MINUTES,
    },
    to: user.email,
    locale: resolveLocale(user.locale),
    brand: organization.name,
    organizationId: user.organizationId,
  });
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
