import { useQuery } from "@tanstack/react-query";
import { listStaff } from "../../api/admin-api";
import { queryKeys } from "../../api/query-keys";

/** The sales people referrals can be assigned to; shared by the list's filter and the detail's select. */
export function useSalesStaff() {
  return useQuery({
    queryKey: queryKeys.staff("sales"),
    queryFn: () => listStaff("sales"),
    staleTime: 300_000,
  });
}
