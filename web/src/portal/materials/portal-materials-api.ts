import { apiRequest } from "../../api/api-client";
import type { LocalizedText } from "../../api/reward-types";

export type MaterialKind = "material" | "tip";

/** A support material or tip; its body is HTML the server rendered from Markdown and sanitised. */
export type PortalMaterial = {
  id: string;
  kind: MaterialKind;
  title: LocalizedText;
  bodyHtml: LocalizedText;
  linkUrl: string | null;
};

export type PortalMaterials = {
  materials: PortalMaterial[];
  /** The program policy's own tips for referring more. */
  policyTips: LocalizedText[];
  /** What the share buttons send: the landing page and a ready message in each language. */
  share: { landingUrl: string; message: LocalizedText };
};

// GET /api/portal/materials – the program's materials and tips, and what to share.
export function getPortalMaterials(): Promise<PortalMaterials> {
  return apiRequest<PortalMaterials>("/api/portal/materials");
}
