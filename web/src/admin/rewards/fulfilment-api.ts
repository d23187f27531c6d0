import { apiRequest, withQuery } from "../../api/api-client";
import type { ApiBody, ApiResponse } from "../../api/api-types";
import type { AdminOffer, OfferStatus } from "../../api/reward-types";

const fulfilmentPath = "/api/admin/rewards/fulfilment";
/** One page of offers in a state, and how many of the program's (and due month's) are in each state. */
export type FulfilmentPage = ApiResponse<typeof fulfilmentPath, "get">;

/** The queue's filters as the page keeps them; an empty `dueMonth` means every month. */
export type FulfilmentFilters = { programId: string; status: OfferStatus; dueMonth: string };

// GET /api/admin/rewards/fulfilment – one page of offers in a state, with the count of every state.
export function listFulfilment(filters: FulfilmentFilters, cursor: string | null): Promise<FulfilmentPage> {
  return apiRequest<FulfilmentPage>(withQuery(fulfilmentPath, { ...filters, cursor }));
}

export type OfferUpdate = ApiBody<"/api/admin/rewards/{id}", "patch">;

// PATCH /api/admin/rewards/:id – records a delivery (voucher code or tracking) or a delay the referrer will read.
export function updateOffer(id: string, update: OfferUpdate, csrfToken: string): Promise<AdminOffer> {
  return apiRequest<AdminOffer, OfferUpdate>(`/api/admin/rewards/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: update,
    csrfToken,
  });
}
