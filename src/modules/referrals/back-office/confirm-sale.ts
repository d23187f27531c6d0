// POST /api/admin/referrals/:id/sale – sales confirms the deal. Policy: "A sua indicação será convertida
// em 1 (um) prêmio para a venda realizada, independente do tamanho do projeto ou contratação em conjunto
// por mais CNPJ's" and "'upgrades' de plano não são válidos para premiação em nenhum caso".
import { recordAudit } from "../../../platform/audit/record-audit.js";
import { inTransaction } from "../../../platform/db/transaction.js";
import type { StaffPrincipal } from "../../../platform/http/access.js";
import { Conflict, Invalid } from "../../../platform/http/errors.js";
import { isValidCnpj, normalizeCnpj } from "../../../shared/cnpj.js";
import { todayIn } from "../../../shared/today.js";
import { getProgramByIdOrThrow } from "../../programs/index.js";
import "../hooks.js";
import { moveReferral } from "../lifecycle.js";
import { referralSales } from "../schema.js";
import type { TSaleBody } from "./admin-schemas.js";
import { lockReferralOrThrow, type SalesDeps } from "./change-referral.js";

export async function confirmSale(deps: SalesDeps, staff: StaffPrincipal, id: string, sale: TSaleBody) {
  const cnpjs = normalizedCnpjsOrThrow(sale.cnpjs);
  await inTransaction(deps.db, async (tx) => {
    // The row lock serialises concurrent confirmations; the unique referral id on sales backs it up.
    const referral = await lockReferralOrThrow(tx, staff, id);
    if (referral.status === "sale_confirmed") {
      throw new Conflict("sale_already_recorded", "A sale was already confirmed for this referral.");
    }
    const program = await getProgramByIdOrThrow(tx, referral.programId);
    if (sale.closedAt > todayIn(program.timeZone)) {
      throw new Invalid({ closedAt: ["A data de fechamento não pode estar no futuro."] });
    }
    const moved = await moveReferral(deps, tx, referral, {
      to: "sale_confirmed",
      note: sale.note ?? null,
      actor: { kind: "staff", id: staff.staffUserId },
    });
    const [recorded] = await tx
      .insert(referralSales)
      .values({
        referralId: referral.id,
        organizationId: referral.organizationId,
        programId: referral.programId,
        cnpjs,
        isUpgrade: sale.isUpgrade,
        closedOn: sale.closedAt,
        note: sale.note ?? null,
        recordedBy: staff.staffUserId,
      })
      .onConflictDoNothing()
      .returning();
    if (!recorded)
      throw new Conflict("sale_already_recorded", "A sale was already confirmed for this referral.");
    // The reward (one per sale, none for an upgrade) is the rewards module's reaction (app.ts).
    await deps.hooks.announce(tx, "referral.saleConfirmed", {
      organizationId: referral.organizationId,
      programId: referral.programId,
      participantId: referral.participantId,
      referralId: referral.id,
      saleId: recorded.id,
      companyName: moved.companyName,
      closedOn: sale.closedAt,
      isUpgrade: sale.isUpgrade,
    });
    await recordAudit(tx, {
      organizationId: referral.organizationId,
      programId: referral.programId,
      actorKind: "staff",
      actorId: staff.staffUserId,
      action: "referral.sale_confirmed",
      subjectType: "referral",
      subjectId: referral.id,
      data: { saleId: recorded.id, cnpjs, isUpgrade: sale.isUpgrade, closedAt: sale.closedAt },
    });
  });
}

function normalizedCnpjsOrThrow(input: string[]): string[] {
  const fields: Record<string, string[]> = {};
  input.forEach((value, index) => {
    if (!isValidCnpj(value)) fields[`cnpjs.${index}`] = ["CNPJ inválido: confira os dígitos verificadores."];
  });
  if (Object.keys(fields).length > 0) throw new Invalid(fields);
  return [...new Set(input.map((value) => normalizeCnpj(value)!))];
}
