import { apiRequest } from "../../api/api-client";
import type { ApiBody, ApiSchema } from "../../api/api-types";

/** The referrer's own data and e-mail choices; the e-mail is how the program knows them, so it is read-only. */
export type PortalProfile = ApiSchema<"PortalProfile">;
/** Only the fields sent change; an empty phone clears it. */
export type ProfileUpdate = ApiBody<"/api/portal/profile", "patch">;

// GET /api/portal/profile – the signed-in referrer's profile and e-mail preferences.
export function getPortalProfile(): Promise<PortalProfile> {
  return apiRequest<PortalProfile>("/api/portal/profile");
}

// PATCH /api/portal/profile – changes only the fields sent; an empty phone clears it.
export function updatePortalProfile(update: ProfileUpdate, csrfToken: string): Promise<PortalProfile> {
  return apiRequest<PortalProfile, ProfileUpdate>("/api/portal/profile", {
    method: "PATCH",
    body: update,
    csrfToken,
  });
}

// POST /api/portal/leave – leaves the program: history kept, e-mails stopped, open tickets closed, signed out.
export function leaveProgram(csrfToken: string): Promise<void> {
  return apiRequest<void, ApiBody<"/api/portal/leave", "post">>("/api/portal/leave", {
    method: "POST",
    body: { confirm: true },
    csrfToken,
  });
}
