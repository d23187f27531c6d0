// Referrals that happened before Corrente knew of them (the demo's stories; an existing program moved
// in): stored with their dates and status history as they were, without the e-mails and jobs a live
// referral causes. Sales and the history still follow the lifecycle's moves.
import type { Db } from "../../platform/db/client.js";
import type { ProgramScope } from "../../platform/db/tenant.js";
import { cnpjRoot, normalizeCnpj } from "../../shared/cnpj.js";
import { normalizeCompanyName } from "../../shared/company-name.js";
import { corporateDomain } from "../../shared/email.js";
import type { CompanySize, ContactDepartment, ReferralStatus } from "../../shared/referral-codes.js";
import { referralEvents, referralFindings, referralSales, referrals } from "./schema.js";

const DAY_MS = 86_400_000;

export type PastReferral = {
  participantId: string;
  referrerIsCustomer: boolean;
  company: { name: string; cnpj: string | null; size: CompanySize; supportAgents: number | null };
  contact: { name: string; role: string; department: ContactDepartment; email: string; phone: string };
  createdAt: Date;
  /** The moves after `in_progress`, a few days apart; the last is the referral's status. */
  moves: { to: ReferralStatus; reason?: string }[];
  /** What the automatic checks found (kinds of referral_findings). */
  findings?: string[];
  /** For a referral whose last move is `sale_confirmed`. */
  sale?: { cnpjs: string[]; isUpgrade: boolean; closedOn: string };
};

/** Stores one past referral; returns its id and, when it was sold, the sale's id. */
export async function recordPastReferral(
  tx: Db,
  scope: ProgramScope,
  past: PastReferral,
): Promise<{ referralId: string; saleId: string | null }> {
  const last = past.moves.at(-1);
  const cnpj = past.company.cnpj ? normalizeCnpj(past.company.cnpj) : null;
  const [referral] = await tx
    .insert(referrals)
    .values({
      ...scope,
      participantId: past.participantId,
      status: last?.to ?? "in_progress",
      reason: last?.reason ?? null,
      version: past.moves.length + 1,
      companyName: past.company.name,
      companyNameNormalized: normalizeCompanyName(past.company.name),
      companyCnpj: cnpj,
      companyCnpjRoot: cnpj ? cnpjRoot(cnpj) : null,
      contactCorporateDomain: corporateDomain(past.contact.email),
      contactName: past.contact.name,
      contactRole: past.contact.role,
      contactDepartment: past.contact.department,
      contactEmail: past.contact.email,
      contactPhone: past.contact.phone,
      companySize: past.company.size,
      supportAgents: past.company.supportAgents,
      referrerIsCustomer: past.referrerIsCustomer,
      checksCompletedAt: past.createdAt,
      createdAt: past.createdAt,
      updatedAt: past.createdAt,
    })
    .returning();
  const referralId = referral!.id;
  const steps = [{ to: "in_progress" as const, reason: undefined }, ...past.moves];
  await tx.insert(referralEvents).values(
    steps.map((step, index) => ({
      referralId,
      programId: scope.programId,
      fromStatus: index === 0 ? null : steps[index - 1]!.to,
      toStatus: step.to,
      reason: step.reason ?? null,
      actorKind: index === 0 || step.reason ? ("system" as const) : ("staff" as const),
      createdAt: new Date(past.createdAt.getTime() + index * 3 * DAY_MS),
    })),
  );
  for (const kind of past.findings ?? []) {
    await tx.insert(referralFindings).values({ referralId, kind, detail: {} });
  }
  if (last?.to !== "sale_confirmed" || !past.sale) return { referralId, saleId: null };
  const [sale] = await tx
    .insert(referralSales)
    .values({ ...scope, referralId, ...past.sale })
    .returning();
  return { referralId, saleId: sale!.id };
}
