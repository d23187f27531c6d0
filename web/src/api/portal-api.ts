import { apiRequest, rememberCsrfToken } from "./api-client";
import type { ApiBody, ApiResponse, ApiSchema } from "./api-types";

export type PortalSession = ApiSchema<"PortalSession">;

/** `next`: the portal page the link opens once signed in (the server accepts only portal paths). */
type SignInLinkRequest = ApiBody<"/api/portal/login", "post">;

// POST /api/portal/login – e-mails a single-use sign-in link; answers 202 whether or not the address is known.
export async function requestSignInLink(request: SignInLinkRequest): Promise<void> {
  await apiRequest<ApiResponse<"/api/portal/login", "post">, SignInLinkRequest>("/api/portal/login", {
    method: "POST",
    body: request,
  });
}

// GET /api/portal/session – the signed-in referrer and their program; null when nobody is signed in.
export async function getPortalSession(): Promise<PortalSession | null> {
  const session = await apiRequest<ApiResponse<"/api/portal/session", "get">>("/api/portal/session");
  if (session.participant === null) return null;
  rememberCsrfToken(session.csrfToken);
  return session;
}

// POST /api/portal/logout – ends the referrer session.
export async function signOutReferrer(csrfToken: string): Promise<void> {
  await apiRequest<void>("/api/portal/logout", { method: "POST", csrfToken });
  rememberCsrfToken(undefined);
}
