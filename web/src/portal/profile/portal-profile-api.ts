import { apiRequest } from "../../api/api-client";
import type { Language } from "../../i18n/language";

/** The referrer's own data and e-mail choices; the e-mail is how the program knows them, so it is read-only. */
export type PortalProfile = {
  name: string;
  email: string;
  /** E.164 ("+5511987654321") or null. */
  phone: string | null;
  locale: Language;
  wantsMonthlyDigest: boolean;
  wantsStatusEmails: boolean;
};

export type ProfileUpdate = Partial<Omit<PortalProfile, "email">>;

// GET /api/portal/profile – the signed-in referrer's profile and e-mail preferences.
export function getPortalProfile(): Promise<PortalProfile> {
  return apiRequest<PortalProfile>("/api/portal/profile");
}

// PATCH /api/portal/profile – changes only the fields sent; an empty phone clears it.
export function updatePortalProfile(update: ProfileUpdate, csrfToken: string): Promise<PortalProfile> {
  return apiRequest<PortalProfile>("/api/portal/profile", { method: "PATCH", body: update, csrfToken });
}

// POST /api/portal/leave – leaves the program: history kept, e-mails stopped, open tickets closed, signed out.
export function leaveProgram(csrfToken: string): Promise<void> {
  return apiRequest<void>("/api/portal/leave", { method: "POST", body: { confirm: true }, csrfToken });
}
