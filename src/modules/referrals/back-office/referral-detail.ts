// GET /api/admin/referrals/:id – everything sales needs to decide on one referral.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/client.js";
import type { OrganizationScope } from "../../../platform/db/tenant.js";
import { NotFound } from "../../../platform/http/errors.js";
import { getOrganizationParticipantOrThrow } from "../../participants/index.js";
import { getProgramByIdOrThrow } from "../../programs/index.js";
import { findOfferForSale } from "../../rewards/index.js";
import { staffCardsByIds } from "../../staff/index.js";
import { allowedMoves, reasonsFor } from "../lifecycle.js";
import {
  contactConfirmations,
  type Referral,
  referralEvents,
  referralFindings,
  referralSales,
  referrals,
} from "../schema.js";
import type { TAdminReferralDetail } from "./admin-schemas.js";
import { summaryQuery, toSummary } from "./list-referrals.js";
import { qualificationChecklist } from "./qualification-checklist.js";

/** Findings that say something about the referrer's conduct rather than the company. */
const FRAUD_SIGNAL_KINDS = new Set([
  "burst_from_referrer",
  "burst_from_ip",
  "disposable_contact_email",
  "disposable_referrer_email",
]);

/** The referral, only if it belongs to the organization (another organization's id is a 404). */
export async function getReferralOrThrow(db: Db, scope: OrganizationScope, id: string): Promise<Referral> {
  const [referral] = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), eq(referrals.organizationId, scope.organizationId)));
  if (!referral) throw new NotFound("referral_not_found", "No such referral.");
  return referral;
}

export async function getReferralDetail(
  db: Db,
  scope: OrganizationScope,
  id: string,
): Promise<TAdminReferralDetail> {
  const referral = await getReferralOrThrow(db, scope, id);
  const [[summary], referrer, program, [confirmation], findings, events, [sale]] = await Promise.all([
    summaryQuery(db).where(eq(referrals.id, id)),
    getOrganizationParticipantOrThrow(db, scope, referral.participantId),
    getProgramByIdOrThrow(db, referral.programId),
    db.select().from(contactConfirmations).where(eq(contactConfirmations.referralId, id)),
    db
      .select()
      .from(referralFindings)
      .where(eq(referralFindings.referralId, id))
      .orderBy(asc(referralFindings.id)),
    db.select().from(referralEvents).where(eq(referralEvents.referralId, id)).orderBy(asc(referralEvents.id)),
    db.select().from(referralSales).where(eq(referralSales.referralId, id)),
  ]);
  const [offer, actors] = await Promise.all([
    sale ? findOfferForSale(db, scope, sale.id) : null,
    staffCardsByIds(
      db,
      scope,
      events.map((event) => (event.actorKind === "staff" ? event.actorId : null)),
    ),
  ]);
  const asFinding = (f: (typeof findings)[number]) => ({
    kind: f.kind,
    detail: f.detail,
    createdAt: f.createdAt.toISOString(),
  });
  return {
    ...toSummary(summary!),
    version: referral.version,
    referrerPhone: referrer.phone,
    submittedReferrerName: referral.referrerName,
    submittedReferrerPhone: referral.referrerPhone,
    referrerIsCustomer: referral.referrerIsCustomer,
    contactRole: referral.contactRole,
    contactDepartment: referral.contactDepartment,
    contactPhone: referral.contactPhone,
    companySize: referral.companySize,
    supportAgents: referral.supportAgents,
    notes: referral.notes,
    duplicateOfId: referral.duplicateOfId,
    findings: findings.filter((f) => !FRAUD_SIGNAL_KINDS.has(f.kind)).map(asFinding),
    fraudSignals: findings.filter((f) => FRAUD_SIGNAL_KINDS.has(f.kind)).map(asFinding),
    checklist: qualificationChecklist(referral),
    contactConfirmation: confirmation
      ? { decision: confirmation.decision, decidedAt: confirmation.decidedAt?.toISOString() ?? null }
      : null,
    contactConfirmationRequired: program.contactConfirmationRequired,
    events: events.map((event) => ({
      id: event.id,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      note: event.note,
      actor: {
        kind: event.actorKind,
        id: event.actorId,
        name: event.actorId ? (actors.get(event.actorId)?.name ?? null) : null,
      },
      createdAt: event.createdAt.toISOString(),
    })),
    allowedMoves: allowedMoves[referral.status].map((to) => ({ to, reasons: [...reasonsFor(to)] })),
    sale: sale
      ? {
          id: sale.id,
          cnpjs: sale.cnpjs,
          isUpgrade: sale.isUpgrade,
          closedAt: sale.closedOn,
          createdAt: sale.createdAt.toISOString(),
        }
      : null,
    offer,
  };
}
