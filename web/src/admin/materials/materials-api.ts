import { apiRequest } from "../../api/api-client";
import { type ApiBody, type ApiResponse, type ApiSchema, allValuesOf } from "../../api/api-types";

/** A support material or referral tip as admins edit it: the body is Markdown in each language. */
export type AdminMaterial = ApiSchema<"AdminMaterial">;
export const materialKinds = allValuesOf<AdminMaterial["kind"]>()(["material", "tip"]);

const programMaterialsPath = "/api/admin/programs/{programId}/materials";
const materialPath = "/api/admin/materials/{id}";
export type MaterialFields = ApiBody<typeof programMaterialsPath, "post">;
type MaterialPatch = ApiBody<typeof materialPath, "patch">;

const materialsOf = (programId: string) => `/api/admin/programs/${encodeURIComponent(programId)}/materials`;
const materialUrl = (id: string) => `/api/admin/materials/${encodeURIComponent(id)}`;

// GET /api/admin/programs/:programId/materials – the program's materials and tips, in portal order.
export async function listMaterials(programId: string): Promise<AdminMaterial[]> {
  const { items } = await apiRequest<ApiResponse<typeof programMaterialsPath, "get">>(materialsOf(programId));
  return items;
}

// POST /api/admin/programs/:programId/materials – a new material or tip.
export function createMaterial(programId: string, fields: MaterialFields, csrfToken: string) {
  return apiRequest<AdminMaterial, MaterialFields>(materialsOf(programId), {
    method: "POST",
    body: fields,
    csrfToken,
  });
}

// PATCH /api/admin/materials/:id – changes the fields sent.
export function updateMaterial(id: string, fields: MaterialPatch, csrfToken: string) {
  return apiRequest<AdminMaterial, MaterialPatch>(materialUrl(id), {
    method: "PATCH",
    body: fields,
    csrfToken,
  });
}

// DELETE /api/admin/materials/:id – removes it from the portal for good.
export function deleteMaterial(id: string, csrfToken: string): Promise<void> {
  return apiRequest<void>(materialUrl(id), { method: "DELETE", csrfToken });
}
