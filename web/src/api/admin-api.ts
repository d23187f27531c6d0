import { apiRequest, rememberCsrfToken } from "./api-client";

export type StaffRole = "owner" | "admin" | "sales" | "support";

export type StaffUser = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  organizationId: string;
  locale: string;
};

export type ProgramSummary = { id: string; slug: string; name: string };

export type AdminSession = {
  user: StaffUser;
  organization: { id: string; name: string };
  programs: ProgramSummary[];
  csrfToken: string;
  /** True only when the server runs the development mailbox (`/dev/mailbox`). */
  devMailbox: boolean;
};

export type AdminCredentials = { email: string; password: string };

type AdminLoginResult = { user: StaffUser; csrfToken: string };

// POST /api/admin/login – staff e-mail + password; the session travels in an httpOnly cookie.
export async function signInStaff(credentials: AdminCredentials): Promise<AdminLoginResult> {
  const result = await apiRequest<AdminLoginResult>("/api/admin/login", {
    method: "POST",
    body: credentials,
  });
  rememberCsrfToken(result.csrfToken);
  return result;
}

// GET /api/admin/session – who is signed in, their organization and its programs; 401 when nobody.
export async function getAdminSession(): Promise<AdminSession> {
  const session = await apiRequest<AdminSession>("/api/admin/session");
  rememberCsrfToken(session.csrfToken);
  return session;
}

// POST /api/admin/logout – ends the staff session.
export async function signOutStaff(csrfToken: string): Promise<void> {
  await apiRequest<void>("/api/admin/logout", { method: "POST", csrfToken });
  rememberCsrfToken(undefined);
}
