import { reasonsFor, referralStatuses } from "@shared/referral-codes";
import {
  choiceParam,
  describeSearch,
  oneOfParam,
  patternParam,
  type SearchValues,
  sortOrders,
  textParam,
} from "../../app/list-kit";

export const sortKeys = ["createdAt", "updatedAt", "companyName"] as const;
export type SortKey = (typeof sortKeys)[number];

/** The literal the API takes for "referrals nobody is assigned to". */
export const UNASSIGNED = "none";

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

const params = {
  programId: textParam(),
  status: oneOfParam(referralStatuses),
  reason: textParam(),
  referrerId: textParam(),
  assigneeId: textParam(),
  from: patternParam(isoDay),
  to: patternParam(isoDay),
  q: textParam(),
  sort: choiceParam(sortKeys, "createdAt"),
  order: choiceParam(sortOrders, "desc"),
};

/**
 * What the list shows, in the page's URL; the same parameters are the API's query (and the export's).
 * A reason counts only within its status's list.
 */
export const referralSearch = describeSearch(params, (filters) =>
  reasonsFor(filters.status).some((reason) => reason === filters.reason)
    ? filters
    : { ...filters, reason: "" },
);
export type ReferralFilters = SearchValues<typeof params>;

/** Names sort A→Z first; dates newest first. */
export function firstOrderOf(key: SortKey): "asc" | "desc" {
  return key === "companyName" ? "asc" : "desc";
}
