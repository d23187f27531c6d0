// Proof that a referrer reads their address (issue: registry oracle; anonymous intake). An anonymous
// form only claims an address; following a link e-mailed to it proves it. Any spent link proves it (a
// portal sign-in, DESIGN "Status e-mails"); the link of the first e-mail after an anonymous referral is
// one with purpose `confirm_address`, which also brings back a referrer who had left the program.
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { hashToken, newSecretToken } from "../../platform/crypto/tokens.js";
import type { Db } from "../../platform/db/client.js";
import { type Participant, participants, portalSignInLinks } from "./schema.js";

/** An e-mailed confirmation may sit in an inbox for days: the link works once, within a week. */
export const ADDRESS_CONFIRMATION_DAYS = 7;
/** At most one confirmation e-mail a day per referrer, however many referrals name the address. */
const CONFIRMATION_INTERVAL_MS = 86_400_000;

export type AddressConfirmation = { url: string; validDays: number };

/**
 * A new confirmation link for the referrer (a portal sign-in link that confirms the address), or null
 * while one issued within the last day is still unused: a stranger typing someone's address into the
 * form cannot flood their inbox.
 */
export async function issueAddressConfirmation(
  tx: Db,
  appUrl: string,
  participant: Pick<Participant, "id" | "programId">,
): Promise<AddressConfirmation | null> {
  const [recent] = await tx
    .select({ n: count() })
    .from(portalSignInLinks)
    .where(
      and(
        eq(portalSignInLinks.participantId, participant.id),
        eq(portalSignInLinks.purpose, "confirm_address"),
        isNull(portalSignInLinks.usedAt),
        gt(portalSignInLinks.createdAt, new Date(Date.now() - CONFIRMATION_INTERVAL_MS)),
      ),
    );
  if ((recent?.n ?? 0) > 0) return null;
  const token = newSecretToken();
  await tx.insert(portalSignInLinks).values({
    tokenHash: hashToken(token),
    participantId: participant.id,
    programId: participant.programId,
    purpose: "confirm_address",
    expiresAt: new Date(Date.now() + ADDRESS_CONFIRMATION_DAYS * 86_400_000),
  });
  return { url: `${appUrl}/portal/auth/${token}`, validDays: ADDRESS_CONFIRMATION_DAYS };
}

/**
 * A spent link proves the address; a confirmation link also brings a referrer who left back into the
 * program (the only way back: an anonymous referral does not).
 */
export async function recordAddressProven(
  tx: Db,
  link: { participantId: string; purpose: "sign_in" | "confirm_address" },
): Promise<void> {
  const rejoins = link.purpose === "confirm_address";
  await tx
    .update(participants)
    .set({
      emailVerifiedAt: sql`coalesce(${participants.emailVerifiedAt}, now())`,
      ...(rejoins ? { status: "active" as const, leftAt: null } : {}),
      updatedAt: new Date(),
    })
    .where(eq(participants.id, link.participantId));
}

export function isAddressVerified(participant: Pick<Participant, "emailVerifiedAt">): boolean {
  return participant.emailVerifiedAt !== null;
}
