import { apiRequest, withQuery } from "../../api/api-client";
import type { ApiBody, ApiResponse, ApiSchema } from "../../api/api-types";

export type CatalogItem = ApiSchema<"CatalogItem">;

const catalogPath = "/api/admin/rewards/catalog";
type NewCatalogItem = ApiBody<typeof catalogPath, "post">;
/** What the item form edits: a new item's body but its program, which the page knows. */
export type CatalogItemFields = Omit<NewCatalogItem, "programId">;
type CatalogItemPatch = ApiBody<"/api/admin/rewards/catalog/{id}", "patch">;

// GET /api/admin/rewards/catalog?programId= – the program's items, retired ones included.
export async function listCatalog(programId: string): Promise<CatalogItem[]> {
  const { items } = await apiRequest<ApiResponse<typeof catalogPath, "get">>(
    withQuery(catalogPath, { programId }),
  );
  return items;
}

// POST /api/admin/rewards/catalog – a new item in the program's catalog.
export function createCatalogItem(programId: string, fields: CatalogItemFields, csrfToken: string) {
  return apiRequest<CatalogItem, NewCatalogItem>(catalogPath, {
    method: "POST",
    body: { programId, ...fields },
    csrfToken,
  });
}

// PATCH /api/admin/rewards/catalog/:id – edits, retires (isActive false) or reactivates an item.
export function updateCatalogItem(id: string, patch: CatalogItemPatch, csrfToken: string) {
  return apiRequest<CatalogItem, CatalogItemPatch>(`${catalogPath}/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: patch,
    csrfToken,
  });
}
