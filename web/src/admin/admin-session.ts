import type { Permission } from "@shared/permissions";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useOutletContext } from "react-router";
import { type AdminSession, getAdminSession, signInStaff, signOutStaff } from "../api/admin-api";
import { isApiError } from "../api/api-error";
import { queryKeys } from "../api/query-keys";

export function useAdminSessionQuery() {
  return useQuery({ queryKey: queryKeys.adminSession, queryFn: getAdminSession });
}

/** Pages inside the staff area read the session the area already loaded. */
export function useSignedInStaff(): AdminSession {
  return useOutletContext<AdminSession>();
}

/** Whether the session may do something; the server checks the same permission on every call. */
export function hasPermission(session: Pick<AdminSession, "permissions">, permission: Permission): boolean {
  return session.permissions.includes(permission);
}

/** `can("helpdesk.work")` for the signed-in member, for pages and buttons inside the staff area. */
export function useCan(): (permission: Permission) => boolean {
  const session = useSignedInStaff();
  return (permission) => hasPermission(session, permission);
}

export function useSignInStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signInStaff,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.adminSession }),
  });
}

export function useSignOutStaff(csrfToken: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  async function leave() {
    await navigate("/admin/login", { replace: true });
    queryClient.removeQueries({ queryKey: ["admin"] });
  }
  return useMutation({
    mutationFn: () => signOutStaff(csrfToken),
    onSuccess: leave,
    // A 401 means the session had already ended (expired, signed out elsewhere): the goal is reached.
    onError: (error) => (isApiError(error) && error.isUnauthenticated ? leave() : undefined),
  });
}
