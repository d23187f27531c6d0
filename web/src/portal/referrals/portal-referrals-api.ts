import type { ReferralStatus } from "@shared/referral-codes";
import { apiRequest } from "../../api/api-client";

/** A status or reason in the program policy's words: a short label and what it means for the referrer. */
export type Words = { label: string; meaning: string };
export type LocalizedWords = { "pt-BR": Words; en: Words };

/** A move in the referral's history; staff notes and who moved it stay inside the company. */
export type PortalReferralEvent = {
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  reason: string | null;
  createdAt: string;
};

/** One of the signed-in referrer's referrals, as "Minhas Indicações" shows it. */
export type PortalReferral = {
  id: string;
  status: ReferralStatus;
  reason: string | null;
  companyName: string;
  companyCnpj: string | null;
  contactName: string;
  createdAt: string;
  updatedAt: string;
  statusWords: LocalizedWords;
  /** Null unless the status carries a reason (not qualified, did not advance). */
  reasonWords: LocalizedWords | null;
  /** Oldest first. */
  events: PortalReferralEvent[];
};

export type StatusCounts = Record<ReferralStatus, number>;

export type PortalReferralPage = {
  items: PortalReferral[];
  nextCursor: string | null;
  /** Across all the referrer's referrals, whatever the filter. */
  counts: StatusCounts;
};

export type PortalReferralQuery = { status?: ReferralStatus; limit?: number; cursor?: string | null };

// GET /api/portal/referrals – the referrer's referrals, newest first, with counts by status.
export function listPortalReferrals(query: PortalReferralQuery): Promise<PortalReferralPage> {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.limit) params.set("limit", String(query.limit));
  if (query.cursor) params.set("cursor", query.cursor);
  const search = params.toString();
  return apiRequest<PortalReferralPage>(`/api/portal/referrals${search ? `?${search}` : ""}`);
}

// GET /api/portal/referrals/:id – one of the referrer's referrals; another referrer's id is a 404.
export function getPortalReferral(id: string): Promise<PortalReferral> {
  return apiRequest<PortalReferral>(`/api/portal/referrals/${encodeURIComponent(id)}`);
}
