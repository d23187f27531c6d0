import type { Permission, StaffRole } from "@shared/permissions";
import { apiRequest, rememberCsrfToken } from "./api-client";

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
  /** What this member may do: pages, navigation and buttons show by these, never by role name. */
  permissions: Permission[];
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

export type StaffMember = { id: string; name: string; email: string; role: StaffRole };

// GET /api/admin/staff[?role=] – the organization's active staff, e.g. the sales people to assign.
export async function listStaff(role?: StaffRole): Promise<StaffMember[]> {
  const query = role ? `?role=${encodeURIComponent(role)}` : "";
  const { items } = await apiRequest<{ items: StaffMember[] }>(`/api/admin/staff${query}`);
  return items;
}
