import { useQuery } from "@tanstack/react-query";
import { listStaff } from "../../api/admin-api";
import { queryKeys } from "../../api/query-keys";

/**
 * Everyone a referral can be assigned to: whoever holds `referrals.work` (sales, and owners and admins,
 * so a fresh install's one owner can take referrals). Shared by the list's filter and the detail's select.
 */
export function useReferralAssignees() {
  const filter = { permission: "referrals.work" } as const;
  return useQuery({
    queryKey: queryKeys.staff(filter),
    queryFn: () => listStaff(filter),
    staleTime: 300_000,
  });
}
