import { apiRequest } from "../../api/api-client";
import type { ApiBody, ApiResponse, ApiSchema } from "../../api/api-types";

/** A reward the referrer earned with a confirmed sale, as the portal shows it. */
export type PortalOffer = ApiSchema<"PortalOffer">;
/** The referrer's offers, and the catalog items active now: the only ones they may choose (DESIGN.md "Rewards"). */
type PortalRewards = ApiResponse<"/api/portal/rewards", "get">;

// GET /api/portal/rewards – the referrer's offers and the items they can choose now.
export function getPortalRewards(): Promise<PortalRewards> {
  return apiRequest<PortalRewards>("/api/portal/rewards");
}

type Choice = ApiBody<"/api/portal/rewards/{id}/choice", "post">;

// POST /api/portal/rewards/:id/choice – picks an item for an offer awaiting choice; final once made.
export function chooseReward(
  offerId: string,
  itemId: Choice["itemId"],
  csrfToken: string,
): Promise<PortalOffer> {
  return apiRequest<PortalOffer, Choice>(`/api/portal/rewards/${encodeURIComponent(offerId)}/choice`, {
    method: "POST",
    body: { itemId },
    csrfToken,
  });
}
