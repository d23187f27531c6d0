import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useOutletContext } from "react-router";
import { isApiError } from "../api/api-error";
import { getPortalSession, type PortalSession, signOutReferrer } from "../api/portal-api";
import { queryKeys } from "../api/query-keys";

export function usePortalSessionQuery() {
  return useQuery({ queryKey: queryKeys.portalSession, queryFn: getPortalSession });
}

/** Pages inside the portal read the session the area already loaded. */
export function useSignedInReferrer(): PortalSession {
  return useOutletContext<PortalSession>();
}

export function useSignOutReferrer(session: PortalSession) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  async function leave() {
    await navigate(`/portal/login?program=${encodeURIComponent(session.program.slug)}`, { replace: true });
    queryClient.removeQueries({ queryKey: ["portal"] });
  }
  return useMutation({
    mutationFn: () => signOutReferrer(session.csrfToken),
    onSuccess: leave,
    // A 401 means the session had already ended (expired, signed out elsewhere): the goal is reached.
    onError: (error) => (isApiError(error) && error.isUnauthenticated ? leave() : undefined),
  });
}
