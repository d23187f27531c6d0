import type { CompanySize, ContactDepartment, ReferralStatus } from "@shared/referral-codes";
import { apiRequest } from "../../api/api-client";
import type { AdminOffer } from "../../api/reward-types";

export type AdminReferralSummary = {
  id: string;
  programId: string;
  status: ReferralStatus;
  reason: string | null;
  companyName: string;
  companyCnpj: string | null;
  contactName: string;
  contactEmail: string;
  referrer: { id: string; name: string; email: string };
  assignee: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
};

export type ReferralFinding = { kind: string; detail: Record<string, unknown>; createdAt: string };
export type ChecklistKey = "role_and_department" | "company_size" | "support_agents" | "b2b";
export type ActorKind = "system" | "staff" | "contact";

export type ReferralEvent = {
  id: number | string;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  reason: string | null;
  note: string | null;
  actor: { kind: ActorKind; id: string | null; name: string | null };
  createdAt: string;
};

export type ReferralSale = {
  id: string;
  cnpjs: string[];
  isUpgrade: boolean;
  closedAt: string;
  createdAt: string;
};

export type AllowedMove = { to: ReferralStatus; reasons: string[] };

export type AdminReferralDetail = AdminReferralSummary & {
  version: number;
  referrerPhone: string | null;
  submittedReferrerName: string | null;
  submittedReferrerPhone: string | null;
  referrerIsCustomer: boolean;
  contactRole: string;
  contactDepartment: ContactDepartment;
  contactPhone: string;
  companySize: CompanySize;
  supportAgents: number | null;
  notes: string | null;
  duplicateOfId: string | null;
  findings: ReferralFinding[];
  fraudSignals: ReferralFinding[];
  checklist: { key: ChecklistKey; met: boolean | null }[];
  contactConfirmation: { decision: "pending" | "confirmed" | "objected"; decidedAt: string | null } | null;
  contactConfirmationRequired: boolean;
  events: ReferralEvent[];
  allowedMoves: AllowedMove[];
  sale: ReferralSale | null;
  offer: AdminOffer | null;
};

export type ReferralPage = { items: AdminReferralSummary[]; nextCursor: string | null };

// GET /api/admin/referrals – one page of referrals; `query` carries the filters and sort as the URL has them.
export function listReferrals(query: URLSearchParams, cursor: string | null): Promise<ReferralPage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", cursor);
  return apiRequest<ReferralPage>(`/api/admin/referrals?${params}`);
}

/** GET /api/admin/referrals/export.csv – the same filters, every row, as a file. */
export function referralsExportUrl(query: URLSearchParams): string {
  const text = query.toString();
  return `/api/admin/referrals/export.csv${text ? `?${text}` : ""}`;
}

// GET /api/admin/referrals/:id – everything known about one referral and the moves it allows.
export function getReferral(id: string): Promise<AdminReferralDetail> {
  return apiRequest<AdminReferralDetail>(`/api/admin/referrals/${encodeURIComponent(id)}`);
}

export type TransitionRequest = { to: ReferralStatus; reason?: string; note?: string };

// POST /api/admin/referrals/:id/transitions – a move along the lifecycle, with its reason and note.
export function moveReferral(id: string, move: TransitionRequest, csrfToken: string) {
  return apiRequest<AdminReferralDetail>(`/api/admin/referrals/${encodeURIComponent(id)}/transitions`, {
    method: "POST",
    body: move,
    csrfToken,
  });
}

// PATCH /api/admin/referrals/:id – who in sales looks after it (null: nobody).
export function assignReferral(id: string, assigneeId: string | null, csrfToken: string) {
  return apiRequest<AdminReferralDetail>(`/api/admin/referrals/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: { assigneeId },
    csrfToken,
  });
}

export type SaleRequest = { cnpjs: string[]; isUpgrade: boolean; closedAt: string; note?: string };
export type SaleResult = { referral: AdminReferralDetail; offer: AdminOffer | null };

// POST /api/admin/referrals/:id/sale – confirms the sale; the referrer earns an offer unless it is an upgrade.
export function recordSale(id: string, sale: SaleRequest, csrfToken: string) {
  return apiRequest<SaleResult>(`/api/admin/referrals/${encodeURIComponent(id)}/sale`, {
    method: "POST",
    body: sale,
    csrfToken,
  });
}
