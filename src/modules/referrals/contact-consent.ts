// The referred contact's answer (LGPD): confirm they knew, or object. An objection disqualifies the
// referral as a cold referral ("indicação fria") and stops all later mail of the program to them.
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.js";
import { hashToken } from "../../platform/crypto/tokens.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { suppressAddress } from "../../platform/mail/outbox.js";
import { participantWithProgram } from "../participants/index.js";
import { allowedMoves, type MoveDeps, moveReferral } from "./lifecycle.js";
import { contactConfirmations, referrals } from "./schema.js";

export type ContactDecision = "confirmed" | "objected";

/** What the consent page shows: who referred which company to which program, and any earlier answer. */
export async function findContactConfirmation(db: Db, token: string) {
  const [row] = await db
    .select({
      confirmationId: contactConfirmations.id,
      decision: contactConfirmations.decision,
      referralId: referrals.id,
      participantId: referrals.participantId,
      companyName: referrals.companyName,
      contactName: referrals.contactName,
    })
    .from(contactConfirmations)
    .innerJoin(referrals, eq(referrals.id, contactConfirmations.referralId))
    .where(eq(contactConfirmations.tokenHash, hashToken(token)));
  if (!row) return null;
  const context = await participantWithProgram(db, row.participantId);
  if (!context) return null;
  const { participantId: _, ...confirmation } = row;
  return {
    ...confirmation,
    referrerName: context.participant.name,
    programName: context.program.name,
    programLocale: context.program.defaultLocale,
  };
}

/**
 * Records the contact's decision once; a later click changes nothing. Returns the decision in force, or
 * null for an unknown token.
 */
export async function decideContactConfirmation(
  deps: MoveDeps & { db: Db },
  token: string,
  decision: ContactDecision,
  client: { ip?: string },
): Promise<ContactDecision | null> {
  return inTransaction(deps.db, async (tx) => {
    const [confirmation] = await tx
      .select()
      .from(contactConfirmations)
      .where(eq(contactConfirmations.tokenHash, hashToken(token)))
      .for("update");
    if (!confirmation) return null;
    if (confirmation.decision !== "pending") return confirmation.decision;
    await tx
      .update(contactConfirmations)
      .set({ decision, decidedAt: new Date(), decidedIp: client.ip ?? null })
      .where(and(eq(contactConfirmations.id, confirmation.id), eq(contactConfirmations.decision, "pending")));
    const [referral] = await tx
      .select()
      .from(referrals)
      .where(eq(referrals.id, confirmation.referralId))
      .for("update");
    if (!referral) return decision;
    if (decision === "objected") {
      await suppressAddress(tx, referral.programId, referral.contactEmail, "objected");
      if (allowedMoves[referral.status].includes("not_qualified")) {
        await moveReferral(deps, tx, referral, {
          to: "not_qualified",
          reason: "contact_unaware",
          actor: { kind: "contact" },
        });
      }
    }
    await recordAudit(tx, {
      organizationId: referral.organizationId,
      programId: referral.programId,
      actorKind: "anonymous",
      action: `referral.contact_${decision}`,
      subjectType: "referral",
      subjectId: referral.id,
      ip: client.ip,
    });
    return decision;
  });
}
