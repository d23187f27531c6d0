import { apiRequest, rememberCsrfToken, withQuery } from "./api-client";
import type { ApiBody, ApiQuery, ApiResponse, ApiSchema } from "./api-types";

export type AdminSession = ApiSchema<"AdminSession">;
export type ProgramSummary = AdminSession["programs"][number];
type AdminCredentials = ApiBody<"/api/admin/login", "post">;
type AdminLoginResult = ApiResponse<"/api/admin/login", "post">;

// POST /api/admin/login – staff e-mail + password; the session travels in an httpOnly cookie.
export async function signInStaff(credentials: AdminCredentials): Promise<AdminLoginResult> {
  const result = await apiRequest<AdminLoginResult, AdminCredentials>("/api/admin/login", {
    method: "POST",
    body: credentials,
  });
  rememberCsrfToken(result.csrfToken);
  return result;
}

// GET /api/admin/session – who is signed in, their organization and its programs; null when nobody is.
export async function getAdminSession(): Promise<AdminSession | null> {
  const session = await apiRequest<ApiResponse<"/api/admin/session", "get">>("/api/admin/session");
  if (session.user === null) return null;
  rememberCsrfToken(session.csrfToken);
  return session;
}

// POST /api/admin/logout – ends the staff session.
export async function signOutStaff(csrfToken: string): Promise<void> {
  await apiRequest<void>("/api/admin/logout", { method: "POST", csrfToken });
  rememberCsrfToken(undefined);
}

type StaffList = ApiResponse<"/api/admin/staff", "get">;
export type StaffMember = StaffList["items"][number];

export type StaffFilter = ApiQuery<"/api/admin/staff", "get">;

// GET /api/admin/staff[?role=&permission=] – the organization's active staff, e.g. who may be assigned work.
export async function listStaff(filter: StaffFilter = {}): Promise<StaffMember[]> {
  const { items } = await apiRequest<StaffList>(withQuery("/api/admin/staff", filter));
  return items;
}
