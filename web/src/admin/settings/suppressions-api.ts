// The addresses the organization's programs no longer write to (bounces, objections), as admins review
// them at /admin/settings/suppressions. Shapes come from the server's OpenAPI document.
import { apiRequest } from "../../api/api-client";
import type { paths } from "../../api/openapi";

type SuppressionsPage =
  paths["/api/admin/suppressions"]["get"]["responses"][200]["content"]["application/json"];
export type Suppression = SuppressionsPage["items"][number];

/** Under "admin" so signing out clears them; a lift refreshes the list. */
export const suppressionKeys = {
  all: ["admin", "suppressions"] as const,
  list: (email: string) => ["admin", "suppressions", "list", email] as const,
};

// GET /api/admin/suppressions?email=&limit=&cursor= – newest first.
export function listSuppressions(email: string, cursor: string | null) {
  const params = new URLSearchParams({ limit: "25" });
  if (email) params.set("email", email);
  if (cursor) params.set("cursor", cursor);
  return apiRequest<SuppressionsPage>(`/api/admin/suppressions?${params}`);
}

// DELETE /api/admin/suppressions/:id – the program writes to the address again.
export function liftSuppression(id: string, csrfToken: string): Promise<void> {
  return apiRequest<void>(`/api/admin/suppressions/${encodeURIComponent(id)}`, {
    method: "DELETE",
    csrfToken,
  });
}
