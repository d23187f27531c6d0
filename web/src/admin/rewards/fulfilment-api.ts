import { apiRequest } from "../../api/api-client";
import { type AdminOffer, type OfferStatus, offerStatuses } from "../../api/reward-types";

export type FulfilmentPage = {
  items: AdminOffer[];
  nextCursor: string | null;
  /** How many offers of the program (and due month, when filtered) are in each state. */
  counts: Record<OfferStatus, number>;
};

export type FulfilmentFilters = { programId: string; status: OfferStatus; dueMonth: string };

const monthShape = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Reads `?status=&dueMonth=` from the page's URL; the queue opens on what is chosen and waits for delivery. */
export function fulfilmentFiltersFrom(search: URLSearchParams, programId: string): FulfilmentFilters {
  const status = offerStatuses.find((candidate) => candidate === search.get("status")) ?? "chosen";
  const dueMonth = search.get("dueMonth") ?? "";
  return { programId, status, dueMonth: monthShape.test(dueMonth) ? dueMonth : "" };
}

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
