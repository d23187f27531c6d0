import { apiRequest } from "../../api/api-client";
import type { OfferItem, OfferStatus } from "../../api/reward-types";

/** A reward the referrer earned with a confirmed sale, as the portal shows it. */
export type PortalOffer = {
  id: string;
  status: OfferStatus;
  /** "YYYY-MM": delivery is due in the month after the sale's month. */
  dueMonth: string;
  saleId: string;
  companyName: string;
  item: OfferItem | null;
  chosenAt: string | null;
  deliveredAt: string | null;
  deliveryReference: string | null;
  delayNote: string | null;
  createdAt: string;
};

export type PortalRewards = {
  items: PortalOffer[];
  /** Catalog items active right now: the only ones a referrer may choose (DESIGN.md "Rewards"). */
  availableItems: OfferItem[];
};

// GET /api/portal/rewards – the referrer's offers and the items they can choose now.
export function getPortalRewards(): Promise<PortalRewards> {
  return apiRequest<PortalRewards>("/api/portal/rewards");
}

// POST /api/portal/rewards/:id/choice – picks an item for an offer awaiting choice; final once made.
export function chooseReward(offerId: string, itemId: string, csrfToken: string): Promise<PortalOffer> {
  return apiRequest<PortalOffer>(`/api/portal/rewards/${encodeURIComponent(offerId)}/choice`, {
    method: "POST",
    body: { itemId },
    csrfToken,
  });
}
