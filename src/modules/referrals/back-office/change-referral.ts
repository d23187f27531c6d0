// Sales actions on one referral: a status move and the assignment. Each runs in one transaction with
// the referral row locked, its event, the referrer's e-mail and the audit.
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.js";
import type { AppContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/client.js";
import { inTransaction } from "../../../platform/db/transaction.js";
import type { StaffPrincipal } from "../../../platform/http/access.js";
import { Invalid, NotFound } from "../../../platform/http/errors.js";
import { isActiveStaffWith } from "../../staff/index.js";
import { moveReferral, throwIfIllegalMove } from "../lifecycle.js";
import { type Referral, referrals } from "../schema.js";

export type SalesDeps = Pick<AppContext, "db" | "jobs" | "mail" | "config" | "hooks">;

/** The referral of the staff member's organization, locked until the transaction ends. */
export async function lockReferralOrThrow(tx: Db, staff: StaffPrincipal, id: string): Promise<Referral> {
  const [referral] = await tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), eq(referrals.organizationId, staff.organizationId)))
    .for("update");
  if (!referral) throw new NotFound("referral_not_found", "No such referral.");
  return referral;
}

export async function transitionReferral(
  deps: SalesDeps,
  staff: StaffPrincipal,
  id: string,
  move: { to: Referral["status"]; reason?: string | null; note?: string | null },
): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const referral = await lockReferralOrThrow(tx, staff, id);
    if (move.to === "sale_confirmed") {
      throwIfIllegalMove(referral, move);
      throw new Invalid(
        { to: ["Confirme a venda pelo formulário de venda (CNPJs, upgrade, data)."] },
        "A sale is confirmed with POST /api/admin/referrals/:id/sale.",
        "use_sale_endpoint",
      );
    }
    await moveReferral(deps, tx, referral, {
      to: move.to,
      reason: move.reason ?? null,
      note: move.note ?? null,
      actor: { kind: "staff", id: staff.staffUserId },
    });
    await recordAudit(tx, {
      organizationId: referral.organizationId,
      programId: referral.programId,
      actorKind: "staff",
      actorId: staff.staffUserId,
      action: "referral.moved",
      subjectType: "referral",
      subjectId: referral.id,
      data: { from: referral.status, to: move.to, reason: move.reason ?? null },
    });
  });
}

export async function assignReferral(
  deps: Pick<SalesDeps, "db">,
  staff: StaffPrincipal,
  id: string,
  assigneeId: string | null,
): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const referral = await lockReferralOrThrow(tx, staff, id);
    if (assigneeId && !(await isActiveStaffWith(tx, staff, assigneeId, "referrals.work"))) {
      throw new Invalid({ assigneeId: ["Escolha uma pessoa de vendas ativa desta organização."] });
    }
    await tx
      .update(referrals)
      .set({ assigneeId, updatedAt: new Date() })
      .where(eq(referrals.id, referral.id));
    await recordAudit(tx, {
      organizationId: referral.organizationId,
      programId: referral.programId,
      actorKind: "staff",
      actorId: staff.staffUserId,
      action: "referral.assigned",
      subjectType: "referral",
      subjectId: referral.id,
      data: { assigneeId },
    });
  });
}
