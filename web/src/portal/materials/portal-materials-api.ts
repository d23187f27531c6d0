import { apiRequest } from "../../api/api-client";
import type { ApiResponse, ApiSchema } from "../../api/api-types";

/** A support material or tip; its body is HTML the server rendered from Markdown and sanitised. */
export type PortalMaterial = ApiSchema<"PortalMaterial">;

/** The program's materials and tips, the policy's own tips, and what the share buttons send. */
export type PortalMaterials = ApiResponse<"/api/portal/materials", "get">;

// GET /api/portal/materials – the program's materials and tips, and what to share.
export function getPortalMaterials(): Promise<PortalMaterials> {
  return apiRequest<PortalMaterials>("/api/portal/materials");
}
