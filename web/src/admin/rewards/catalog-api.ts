import { apiRequest } from "../../api/api-client";
import type { LocalizedText, RewardKind } from "../../api/reward-types";

export type CatalogItem = {
  id: string;
  programId: string;
  name: LocalizedText;
  description: LocalizedText;
  imageUrl: string | null;
  kind: RewardKind;
  isActive: boolean;
  /** Null: unlimited. */
  stock: number | null;
  createdAt: string;
  updatedAt: string;
};

export type CatalogItemFields = {
  name: LocalizedText;
  description: LocalizedText;
  imageUrl: string | null;
  kind: RewardKind;
  isActive: boolean;
  stock: number | null;
};

// GET /api/admin/rewards/catalog?programId= – the program's items, retired ones included.
export async function listCatalog(programId: string): Promise<CatalogItem[]> {
  const { items } = await apiRequest<{ items: CatalogItem[] }>(
    `/api/admin/rewards/catalog?programId=${encodeURIComponent(programId)}`,
  );
  return items;
}

// POST /api/admin/rewards/catalog – a new item in the program's catalog.
export function createCatalogItem(programId: string, fields: CatalogItemFields, csrfToken: string) {
  return apiRequest<CatalogItem>("/api/admin/rewards/catalog", {
    method: "POST",
    body: { programId, ...fields },
    csrfToken,
  });
}

// PATCH /api/admin/rewards/catalog/:id – edits, retires (isActive false) or reactivates an item.
export function updateCatalogItem(id: string, patch: Partial<CatalogItemFields>, csrfToken: string) {
  return apiRequest<CatalogItem>(`/api/admin/rewards/catalog/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: patch,
    csrfToken,
  });
}
