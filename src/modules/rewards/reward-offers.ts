// Offers: created by a confirmed sale (one per sale), read by the portal, the back office and the
// referral detail.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { getOrganizationParticipantOrThrow } from "../participants/index.js";
import { type NoticeDeps, notifyReferrerOfReward } from "./reward-notices.js";
import { type TAdminOffer, toAdminOffer, toPortalOffer } from "./reward-schemas.js";
import { type RewardOffer, rewardOffers } from "./schema.js";

/** Policy: "A entrega dos prêmios acontecerá sempre no mês seguinte ao mês da venda" (YYYY-MM-DD → YYYY-MM). */
export function dueMonthAfter(closedOn: string): string {
  const [year, month] = closedOn.split("-").map(Number);
  return month === 12 ? `${year! + 1}-01` : `${year}-${String(month! + 1).padStart(2, "0")}`;
}

export type EarnedReward = {
  organizationId: string;
  programId: string;
  participantId: string;
  referralId: string;
  saleId: string;
  companyName: string;
  closedOn: string;
};

/**
 * The one offer a sale earns, in the sale's transaction, with its e-mail and WhatsApp message. The
 * unique sale id makes a second offer for the same sale impossible, even under concurrent calls.
 */
export async function createRewardOffer(
  deps: NoticeDeps,
  tx: Db,
  earned: EarnedReward,
): Promise<RewardOffer> {
  const [offer] = await tx
    .insert(rewardOffers)
    .values({ ...earned, dueMonth: dueMonthAfter(earned.closedOn) })
    .returning();
  await notifyReferrerOfReward(deps, tx, offer!, "offered");
  return offer!;
}

/** The offer of a sale made before Corrente knew of it (past referrals): stored as earned, no notices. */
export async function recordPastOffer(tx: Db, earned: EarnedReward): Promise<RewardOffer> {
  const [offer] = await tx
    .insert(rewardOffers)
    .values({ ...earned, dueMonth: dueMonthAfter(earned.closedOn) })
    .returning();
  return offer!;
}

export async function findOfferForSale(
  db: Db,
  scope: OrganizationScope,
  saleId: string,
): Promise<TAdminOffer | null> {
  const [offer] = await db
    .select()
    .from(rewardOffers)
    .where(and(eq(rewardOffers.saleId, saleId), eq(rewardOffers.organizationId, scope.organizationId)));
  if (!offer) return null;
  const referrer = await getOrganizationParticipantOrThrow(db, scope, offer.participantId);
  return toAdminOffer(offer, { id: referrer.id, name: referrer.name, email: referrer.email });
}

export async function listParticipantOffers(db: Db, participantId: string) {
  const rows = await db
    .select()
    .from(rewardOffers)
    .where(eq(rewardOffers.participantId, participantId))
    .orderBy(desc(rewardOffers.createdAt), desc(rewardOffers.id));
  return rows.map(toPortalOffer);
}

/** What a confirmed sale earns (policy: one reward per sale, however many CNPJs; none for an upgrade). */
export async function offerRewardForSale(
  deps: NoticeDeps,
  tx: Db,
  sale: EarnedReward & { isUpgrade: boolean },
): Promise<RewardOffer | null> {
  if (sale.isUpgrade) return null;
  const { isUpgrade: _, ...earned } = sale;
  return createRewardOffer(deps, tx, earned);
}
