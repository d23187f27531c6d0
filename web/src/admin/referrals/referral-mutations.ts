import { referralStatuses } from "@shared/referral-codes";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { isApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import { apiErrorMessage } from "../../app/api-error-message";
import {
  type AdminReferralDetail,
  assignReferral,
  moveReferral,
  recordSale,
  type SaleRequest,
  type TransitionRequest,
} from "./referrals-api";

/** The detail answered by a write is the newest there is; lists may now sort or filter it differently. */
function adoptDetail(queryClient: QueryClient, detail: AdminReferralDetail) {
  queryClient.setQueryData(queryKeys.adminReferral(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: [...queryKeys.adminReferrals, "list"] });
}

export function useMoveReferral(id: string, csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (move: TransitionRequest) => moveReferral(id, move, csrfToken),
    onSuccess: (detail) => adoptDetail(queryClient, detail),
  });
}

export function useAssignReferral(id: string, csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assigneeId: string | null) => assignReferral(id, assigneeId, csrfToken),
    onSuccess: (detail) => adoptDetail(queryClient, detail),
  });
}

export function useRecordSale(id: string, csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sale: SaleRequest) => recordSale(id, sale, csrfToken),
    onSuccess: ({ referral, offer }) => {
      adoptDetail(queryClient, { ...referral, offer: referral.offer ?? offer });
      void queryClient.invalidateQueries({ queryKey: queryKeys.fulfilment });
    },
  });
}

/** A 409 means the referral is not what this page showed: the page reloads it and says why. */
export function isReferralConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 409;
}

/** The sentence for a failed move or sale, naming the moves still open after an illegal one. */
export function referralWriteErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return apiErrorMessage(error, t);
  switch (error.code) {
    case "illegal_transition": {
      const allowed = Array.isArray(error.details.allowed) ? error.details.allowed : [];
      const names = allowed.flatMap((to) => {
        const status = referralStatuses.find((known) => known === to);
        return status ? [t(`referral.status.${status}`)] : [];
      });
      return names.length > 0
        ? t("admin.referral.errors.illegalTransition", { allowed: names.join(", ") })
        : t("admin.referral.errors.illegalTransitionNone");
    }
    case "stale_referral":
      return t("admin.referral.errors.staleReferral");
    case "contact_confirmation_required":
      return t("admin.referral.errors.contactConfirmationRequired");
    case "sale_already_recorded":
      return t("admin.referral.errors.saleAlreadyRecorded");
    case "role_forbidden":
    case "forbidden":
      return t("admin.referral.errors.forbidden");
    default:
      return apiErrorMessage(error, t);
  }
}
