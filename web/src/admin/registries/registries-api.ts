import { apiRequest } from "../../api/api-client";
import { ApiError, apiErrorFromResponse } from "../../api/api-error";

export const registryKinds = ["customers", "pipeline", "partner-customers"] as const;
export type RegistryKind = (typeof registryKinds)[number];

export type RegistryCounts = { customers: number; pipeline: number; partnerCustomers: number };

export type RowErrorCode =
  | "identifier_required"
  | "cnpj_invalid"
  | "domain_invalid"
  | "email_invalid"
  | "status_required"
  | "status_invalid"
  | "date_required"
  | "date_invalid"
  | "row_unreadable";

export type RowErrorField =
  | "cnpj"
  | "domain"
  | "name"
  | "status"
  | "churned_on"
  | "email"
  | "entered_on"
  | "row";

export type ImportReport = {
  inserted: number;
  updated: number;
  rejected: number;
  total: number;
  /** The first 100 problems, by line. */
  errors: { line: number; field: RowErrorField; code: RowErrorCode; message: string; value?: string }[];
};

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
