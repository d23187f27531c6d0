import { apiRequest } from "../../api/api-client";
import type { AdminOffer, OfferStatus } from "../../api/reward-types";

export type FulfilmentPage = {
  items: AdminOffer[];
  nextCursor: string | null;
  /** How many offers of the program (and due month, when filtered) are in each state. */
  counts: Record<OfferStatus, number>;
};

export type FulfilmentFilters = { programId: string; status: OfferStatus; dueMonth: string };

// GET /api/admin/rewards/fulfilment – one page of offers in a state, with the count of every state.
export function listFulfilment(filters: FulfilmentFilters, cursor: string | null): Promise<FulfilmentPage> {
  const query = new URLSearchParams({ programId: filters.programId, status: filters.status });
  if (filters.dueMonth) query.set("dueMonth", filters.dueMonth);
  if (cursor) query.set("cursor", cursor);
  return apiRequest<FulfilmentPage>(`/api/admin/rewards/fulfilment?${query}`);
}

export type OfferUpdate =
  | { status: "delivered"; deliveryReference?: string }
  | { status: "delayed"; delayNote: string };

// PATCH /api/admin/rewards/:id – records a delivery (voucher code or tracking) or a delay the referrer will read.
export function updateOffer(id: string, update: OfferUpdate, csrfToken: string): Promise<AdminOffer> {
  return apiRequest<AdminOffer>(`/api/admin/rewards/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: update,
    csrfToken,
  });
}
