// The referral lifecycle (DESIGN.md "The referral lifecycle"): which moves exist, which need a
// reason, and the one function that performs a move and appends its event.
import { and, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { Conflict, Invalid } from "../../platform/http/errors.js";
import { allowedMoves, reasonsFor } from "../../shared/referral-codes.js";
import { getProgramByIdOrThrow } from "../programs/index.js";
import { scheduleDecisionNotice } from "./decision-notice.js";
import { notifyReferrerOfMove } from "./move-notice.js";
import {
  contactConfirmations,
  type Referral,
  type ReferralStatus,
  referralEvents,
  referrals,
} from "./schema.js";

export {
  allowedMoves,
  type DisqualificationReason,
  disqualificationReasons,
  notAdvancedReasons,
  reasonsFor,
} from "../../shared/referral-codes.js";

export type Move = {
  to: ReferralStatus;
  reason?: string | null;
  note?: string | null;
  actor: { kind: "system" | "staff" | "contact"; id?: string | null };
};

export type MoveDeps = Pick<AppContext, "jobs" | "mail" | "config">;

/**
 * Moves a referral, records the event and writes (or, for the checks' decisions, schedules) the
 * referrer's e-mail, in the caller's transaction.
 * The UPDATE matches the version read, so of two concurrent moves on one referral only one can win;
 * the other gets a Conflict.
 */
export async function moveReferral(
  deps: MoveDeps,
  tx: Db,
  referral: Referral,
  move: Move,
): Promise<Referral> {
  throwIfIllegalMove(referral, move);
  if (move.to === "qualified") await throwIfContactConfirmationMissing(tx, referral);
  const [updated] = await tx
    .update(referrals)
    .set({
      status: move.to,
      reason: move.reason ?? null,
      version: sql`${referrals.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(referrals.id, referral.id), eq(referrals.version, referral.version)))
    .returning();
  if (!updated) throw new Conflict("stale_referral", "The referral changed meanwhile; reload and try again.");
  await tx.insert(referralEvents).values({
    referralId: referral.id,
    programId: referral.programId,
    fromStatus: referral.status,
    toStatus: move.to,
    reason: move.reason ?? null,
    note: move.note ?? null,
    actorKind: move.actor.kind,
    actorId: move.actor.id ?? null,
  });
  // The checks' decisions wait the program's delay, to a proven address (decision-notice.ts says why).
  if (move.actor.kind === "system") await scheduleDecisionNotice(deps, tx, updated);
  else await notifyReferrerOfMove(deps, tx, updated);
  return updated;
}

export function throwIfIllegalMove(referral: Referral, move: Pick<Move, "to" | "reason">) {
  if (!allowedMoves[referral.status].includes(move.to)) {
    throw new Conflict(
      "illegal_transition",
      `A referral cannot go from ${referral.status} to ${move.to}.`,
      undefined,
      {
        allowed: allowedMoves[referral.status],
      },
    );
  }
  const reasons: readonly string[] = reasonsFor(move.to);
  if (reasons.length > 0 && !reasons.includes(move.reason ?? "")) {
    throw new Invalid(
      { reason: [`Escolha um motivo: ${reasons.join(", ")}.`] },
      "This move needs a valid reason.",
    );
  }
  if (reasons.length === 0 && move.reason) {
    throw new Invalid({ reason: ["Este status não leva motivo."] }, "This move takes no reason.");
  }
}

/** Program setting (LGPD): the referred contact must have confirmed before sales may qualify. */
async function throwIfContactConfirmationMissing(tx: Db, referral: Referral) {
  const program = await getProgramByIdOrThrow(tx, referral.programId);
  if (!program.contactConfirmationRequired) return;
  const [confirmation] = await tx
    .select({ decision: contactConfirmations.decision })
    .from(contactConfirmations)
    .where(eq(contactConfirmations.referralId, referral.id));
  if (confirmation?.decision !== "confirmed") {
    throw new Conflict(
      "contact_confirmation_required",
      "This program qualifies a referral only after the referred contact confirms it.",
    );
  }
}
