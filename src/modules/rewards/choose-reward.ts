// POST /api/portal/rewards/:id/choice – the referrer picks an item among those active now (policy: "os
// prêmios … deverão ser trocados pelas opções vigentes do programa, não podendo ser referenciado as
// opções que existiam no momento da indicação"). One unit of stock is taken in the same statement that
// checks it, so two choices for the last unit cannot both win.
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { ParticipantPrincipal } from "../../platform/http/access.js";
import { Conflict, NotFound } from "../../platform/http/errors.js";
import { type NoticeDeps, notifyReferrerOfReward } from "./reward-notices.js";
import { type TPortalOffer, toPortalOffer } from "./reward-schemas.js";
import { rewardItems, rewardOffers } from "./schema.js";

export async function chooseReward(
  deps: NoticeDeps & { db: Db },
  participant: ParticipantPrincipal,
  offerId: string,
  itemId: string,
): Promise<TPortalOffer> {
  return inTransaction(deps.db, async (tx) => {
    const [offer] = await tx
      .select()
      .from(rewardOffers)
      .where(and(eq(rewardOffers.id, offerId), eq(rewardOffers.participantId, participant.participantId)))
      .for("update");
    if (!offer) throw new NotFound("reward_offer_not_found", "No such reward offer.");
    if (offer.itemId) throw new Conflict("offer_already_chosen", "This reward was already chosen.");
    const [item] = await tx
      .update(rewardItems)
      .set({
        stock: sql`case when ${rewardItems.stock} is null then null else ${rewardItems.stock} - 1 end`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(rewardItems.id, itemId),
          eq(rewardItems.programId, offer.programId),
          eq(rewardItems.isActive, true),
          or(isNull(rewardItems.stock), gt(rewardItems.stock, 0)),
        ),
      )
      .returning();
    if (!item) {
      throw new Conflict(
        "reward_item_unavailable",
        "This item is no longer available: choose another among the current ones.",
      );
    }
    const [chosen] = await tx
      .update(rewardOffers)
      .set({
        itemId: item.id,
        item: {
          id: item.id,
          name: item.name,
          description: item.description,
          kind: item.kind,
          imageUrl: item.imageUrl,
        },
        chosenAt: new Date(),
        // A delay noted before the choice stays visible until delivery.
        status: offer.status === "delayed" ? "delayed" : "chosen",
        updatedAt: new Date(),
      })
      .where(eq(rewardOffers.id, offer.id))
      .returning();
    await recordAudit(tx, {
      organizationId: offer.organizationId,
      programId: offer.programId,
      actorKind: "participant",
      actorId: participant.participantId,
      action: "reward.chosen",
      subjectType: "reward_offer",
      subjectId: offer.id,
      data: { itemId: item.id },
    });
    await notifyReferrerOfReward(deps, tx, chosen!, "chosen");
    return toPortalOffer(chosen!);
  });
}
