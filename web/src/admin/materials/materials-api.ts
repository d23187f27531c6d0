import { apiRequest } from "../../api/api-client";
import type { LocalizedText } from "../../api/reward-types";

export const materialKinds = ["material", "tip"] as const;
export type MaterialKind = (typeof materialKinds)[number];

/** A support material or referral tip as admins edit it: the body is Markdown in each language. */
export type AdminMaterial = {
  id: string;
  programId: string;
  kind: MaterialKind;
  title: LocalizedText;
  bodyMarkdown: LocalizedText;
  linkUrl: string | null;
  /** Lower first in the portal; ties in creation order. */
  position: number;
  updatedAt: string;
};

export type MaterialFields = Omit<AdminMaterial, "id" | "programId" | "updatedAt">;

// GET /api/admin/programs/:programId/materials – the program's materials and tips, in portal order.
export async function listMaterials(programId: string): Promise<AdminMaterial[]> {
  const { items } = await apiRequest<{ items: AdminMaterial[] }>(
    `/api/admin/programs/${encodeURIComponent(programId)}/materials`,
  );
  return items;
}

// POST /api/admin/programs/:programId/materials – a new material or tip.
export function createMaterial(programId: string, fields: MaterialFields, csrfToken: string) {
  return apiRequest<AdminMaterial>(`/api/admin/programs/${encodeURIComponent(programId)}/materials`, {
    method: "POST",
    body: fields,
    csrfToken,
  });
}

// PATCH /api/admin/materials/:id – changes the fields sent.
export function updateMaterial(id: string, fields: Partial<MaterialFields>, csrfToken: string) {
  return apiRequest<AdminMaterial>(`/api/admin/materials/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: fields,
    csrfToken,
  });
}

// DELETE /api/admin/materials/:id – removes it from the portal for good.
export function deleteMaterial(id: string, csrfToken: string): Promise<void> {
  return apiRequest<void>(`/api/admin/materials/${encodeURIComponent(id)}`, { method: "DELETE", csrfToken });
}
