// The fulfilment queue: offers awaiting choice, chosen, delivered, delayed; operators record the voucher
// code or tracking and the delivery, or a delay the referrer sees with its note.
import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { Db } from "../../platform/db/client.js";
import { cursorKeys, decodeCursor, pageOf } from "../../platform/db/keyset.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { Conflict, NotFound } from "../../platform/http/errors.js";
import { type Participant, participantsByIds } from "../participants/index.js";
import { resolveOrganizationProgramId } from "../programs/index.js";
import { type NoticeDeps, notifyReferrerOfReward } from "./reward-notices.js";
import { type TFulfilmentQuery, type TOfferUpdate, toAdminOffer } from "./reward-schemas.js";
import { type RewardOfferStatus, rewardOfferStatuses, rewardOffers } from "./schema.js";

/** Sorted by due month then id (oldest due first): what is late or due now comes first. */
export async function listFulfilment(db: Db, scope: OrganizationScope, query: TFulfilmentQuery) {
  const programId = await resolveOrganizationProgramId(db, scope, query.programId);
  const base: SQL[] = [eq(rewardOffers.programId, programId)];
  if (query.dueMonth) base.push(eq(rewardOffers.dueMonth, query.dueMonth));
  const conditions = [...base];
  if (query.status) conditions.push(eq(rewardOffers.status, query.status));
  if (query.cursor) {
    const after = decodeCursor(query.cursor, cursorKeys.month);
    conditions.push(
      sql`(${rewardOffers.dueMonth}, ${rewardOffers.id}) > (${String(after.key)}, ${after.id}::uuid)`,
    );
  }
  const [rows, countRows] = await Promise.all([
    db
      .select()
      .from(rewardOffers)
      .where(and(...conditions))
      .orderBy(asc(rewardOffers.dueMonth), asc(rewardOffers.id))
      .limit(query.limit + 1),
    db
      .select({ status: rewardOffers.status, n: count() })
      .from(rewardOffers)
      .where(and(...base))
      .groupBy(rewardOffers.status),
  ]);
  const page = pageOf(rows, query.limit, (offer) => ({ key: offer.dueMonth, id: offer.id }));
  const referrers = await participantsByIds(
    db,
    scope,
    page.items.map((offer) => offer.participantId),
  );
  const counts = Object.fromEntries(rewardOfferStatuses.map((s) => [s, 0])) as Record<
    RewardOfferStatus,
    number
  >;
  for (const row of countRows) counts[row.status] = Number(row.n);
  return {
    items: page.items.map((offer) => toAdminOffer(offer, referrerOf(referrers, offer.participantId))),
    nextCursor: page.nextCursor,
    counts,
  };
}

/** The referrer as an offer shows them; one missing (never expected) shows as unnamed. */
function referrerOf(referrers: Map<string, Participant>, id: string) {
  const referrer = referrers.get(id);
  return { id, name: referrer?.name ?? "", email: referrer?.email ?? "" };
}

export async function updateOffer(
  deps: NoticeDeps & { db: Db },
  scope: OrganizationScope,
  staffUserId: string,
  offerId: string,
  update: TOfferUpdate,
) {
  return inTransaction(deps.db, async (tx) => {
    const [offer] = await tx
      .select()
      .from(rewardOffers)
      .where(and(eq(rewardOffers.id, offerId), eq(rewardOffers.organizationId, scope.organizationId)))
      .for("update");
    if (!offer) throw new NotFound("reward_offer_not_found", "No such reward offer.");
    if (offer.status === "delivered") {
      throw new Conflict("offer_already_delivered", "This reward was already delivered.");
    }
    if (update.status === "delivered" && !offer.itemId) {
      throw new Conflict("offer_not_chosen", "The referrer has not chosen the reward yet.");
    }
    const [updated] = await tx
      .update(rewardOffers)
      .set({
        ...(update.status === "delivered"
          ? {
              status: "delivered",
              deliveryReference: update.deliveryReference ?? null,
              deliveredAt: new Date(),
            }
          : { status: "delayed", delayNote: update.delayNote }),
        updatedAt: new Date(),
      })
      .where(eq(rewardOffers.id, offer.id))
      .returning();
    await recordAudit(tx, {
      ...scope,
      programId: offer.programId,
      actorKind: "staff",
      actorId: staffUserId,
      action: `reward.${update.status}`,
      subjectType: "reward_offer",
      subjectId: offer.id,
    });
    await notifyReferrerOfReward(deps, tx, updated!, update.status);
    const referrers = await participantsByIds(tx, scope, [offer.participantId]);
    return toAdminOffer(updated!, referrerOf(referrers, offer.participantId));
  });
}
