import { reasonsFor, referralStatuses } from "@shared/referral-codes";

export const sortKeys = ["createdAt", "updatedAt", "companyName"] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortOrder = "asc" | "desc";

/** The literal the API takes for "referrals nobody is assigned to". */
export const UNASSIGNED = "none";

/** What the list shows, kept in the page's URL so it survives reloads and can be shared. */
export type ReferralFilters = {
  programId: string;
  status: string;
  reason: string;
  referrerId: string;
  assigneeId: string;
  from: string;
  to: string;
  q: string;
  sort: SortKey;
  order: SortOrder;
};

const textKeys = ["programId", "status", "reason", "referrerId", "assigneeId", "from", "to", "q"] as const;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export const emptyFilters: ReferralFilters = {
  programId: "",
  status: "",
  reason: "",
  referrerId: "",
  assigneeId: "",
  from: "",
  to: "",
  q: "",
  sort: "createdAt",
  order: "desc",
};

/** Reads the URL, dropping what the API would refuse (a hand-edited address must not break the page). */
export function filtersFromSearch(search: URLSearchParams): ReferralFilters {
  const filters = { ...emptyFilters };
  for (const key of textKeys) filters[key] = search.get(key)?.trim() ?? "";
  if (!referralStatuses.some((status) => status === filters.status)) filters.status = "";
  if (!reasonsFor(filters.status).some((reason) => reason === filters.reason)) filters.reason = "";
  if (!isoDay.test(filters.from)) filters.from = "";
  if (!isoDay.test(filters.to)) filters.to = "";
  const sort = search.get("sort");
  filters.sort = sortKeys.find((key) => key === sort) ?? "createdAt";
  filters.order = search.get("order") === "asc" ? "asc" : "desc";
  return filters;
}

/** The filters as query parameters, both for this page's URL and for the API: empty and default values left out. */
export function searchFromFilters(filters: ReferralFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of textKeys) if (filters[key]) search.set(key, filters[key]);
  if (filters.sort !== "createdAt") search.set("sort", filters.sort);
  if (filters.order !== "desc") search.set("order", filters.order);
  return search;
}

/** True when anything narrows the list (sorting does not). */
export function hasActiveFilters(filters: ReferralFilters): boolean {
  return textKeys.some((key) => filters[key] !== "");
}
