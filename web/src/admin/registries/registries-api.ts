import { apiRequest } from "../../api/api-client";
import { ApiError, apiErrorFromResponse } from "../../api/api-error";
import type { ApiResponse, ApiSchema } from "../../api/api-types";

/** The registries the page offers, in its order (the server answers 404 for any other `:kind`). */
export const registryKinds = ["customers", "pipeline", "partner-customers"] as const;
export type RegistryKind = (typeof registryKinds)[number];

export type RegistryCounts = ApiResponse<"/api/admin/registries", "get">;
/** What an import did: counts, and the first 100 problems by line. */
export type ImportReport = ApiSchema<"ImportReport">;

export const registriesQueryKey = ["admin", "registries"] as const;

// GET /api/admin/registries – how many rows each registry holds.
export function getRegistryCounts(): Promise<RegistryCounts> {
  return apiRequest<RegistryCounts>("/api/admin/registries");
}

// POST /api/admin/registries/:kind/import – the file itself is the body, so the browser streams it.
export async function importRegistryFile(
  kind: RegistryKind,
  file: File,
  csrfToken: string,
): Promise<ImportReport> {
  let response: Response;
  try {
    response = await fetch(`/api/admin/registries/${kind}/import`, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": "text/csv", "x-csrf-token": csrfToken },
      body: file,
    });
  } catch {
    throw new ApiError(0, "network_error", "The server could not be reached.");
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  return (await response.json()) as ImportReport;
}
