import { apiRequest, withQuery } from "../../api/api-client";
import type { ApiBody, ApiResponse, ApiSchema } from "../../api/api-types";

export type AdminReferralSummary = ApiSchema<"AdminReferralSummary">;
/** Everything known about one referral, and the moves its status allows. */
export type AdminReferralDetail = ApiSchema<"AdminReferralDetail">;
export type ReferralFinding = AdminReferralDetail["findings"][number];
export type ReferralEvent = AdminReferralDetail["events"][number];
export type ReferralSale = NonNullable<AdminReferralDetail["sale"]>;
export type AllowedMove = AdminReferralDetail["allowedMoves"][number];

type ReferralPage = ApiResponse<"/api/admin/referrals", "get">;

// GET /api/admin/referrals – one page of referrals; `query` carries the filters and sort as the URL has them.
export function listReferrals(query: URLSearchParams, cursor: string | null): Promise<ReferralPage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", cursor);
  return apiRequest<ReferralPage>(withQuery("/api/admin/referrals", params));
}

/** GET /api/admin/referrals/export.csv – the same filters, every row, as a file in the page's language. */
export function referralsExportUrl(query: URLSearchParams, language: string): string {
  const params = new URLSearchParams(query);
  params.set("lang", language === "en" ? "en" : "pt-BR");
  return withQuery("/api/admin/referrals/export.csv", params);
}

const referralPath = (id: string) => `/api/admin/referrals/${encodeURIComponent(id)}`;

// GET /api/admin/referrals/:id – everything known about one referral and the moves it allows.
export function getReferral(id: string): Promise<AdminReferralDetail> {
  return apiRequest<AdminReferralDetail>(referralPath(id));
}

export type TransitionRequest = ApiBody<"/api/admin/referrals/{id}/transitions", "post">;

// POST /api/admin/referrals/:id/transitions – a move along the lifecycle, with its reason and note.
export function moveReferral(id: string, move: TransitionRequest, csrfToken: string) {
  return apiRequest<AdminReferralDetail, TransitionRequest>(`${referralPath(id)}/transitions`, {
    method: "POST",
    body: move,
    csrfToken,
  });
}

type Assignment = ApiBody<"/api/admin/referrals/{id}", "patch">;

// PATCH /api/admin/referrals/:id – who in sales looks after it (null: nobody).
export function assignReferral(id: string, assigneeId: Assignment["assigneeId"], csrfToken: string) {
  return apiRequest<AdminReferralDetail, Assignment>(referralPath(id), {
    method: "PATCH",
    body: { assigneeId },
    csrfToken,
  });
}

const salePath = "/api/admin/referrals/{id}/sale";
export type SaleRequest = ApiBody<typeof salePath, "post">;
type SaleResult = ApiResponse<typeof salePath, "post">;

// POST /api/admin/referrals/:id/sale – confirms the sale; the referrer earns an offer unless it is an upgrade.
export function recordSale(id: string, sale: SaleRequest, csrfToken: string) {
  return apiRequest<SaleResult, SaleRequest>(`${referralPath(id)}/sale`, {
    method: "POST",
    body: sale,
    csrfToken,
  });
}
