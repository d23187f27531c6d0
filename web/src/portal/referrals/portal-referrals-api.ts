import { apiRequest, withQuery } from "../../api/api-client";
import type { ApiQuery, ApiResponse, ApiSchema } from "../../api/api-types";

/** One of the signed-in referrer's referrals, as "Minhas Indicações" shows it, with its history oldest first. */
export type PortalReferral = ApiSchema<"PortalReferral">;
/** A status or reason in the program policy's words, in each language. */
export type LocalizedWords = PortalReferral["statusWords"];
/** A short label and what it means for the referrer. */
export type Words = LocalizedWords["pt-BR"];

const referralsPath = "/api/portal/referrals";
/** Counts by status are across all the referrer's referrals, whatever the filter. */
export type PortalReferralPage = ApiResponse<typeof referralsPath, "get">;
export type StatusCounts = PortalReferralPage["counts"];
type PortalReferralQuery = ApiQuery<typeof referralsPath, "get">;

// GET /api/portal/referrals – the referrer's referrals, newest first, with counts by status.
export function listPortalReferrals(query: PortalReferralQuery): Promise<PortalReferralPage> {
  return apiRequest<PortalReferralPage>(withQuery(referralsPath, query));
}

// GET /api/portal/referrals/:id – one of the referrer's referrals; another referrer's id is a 404.
export function getPortalReferral(id: string): Promise<PortalReferral> {
  return apiRequest<PortalReferral>(`/api/portal/referrals/${encodeURIComponent(id)}`);
}
