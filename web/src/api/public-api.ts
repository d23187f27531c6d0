import { apiRequest } from "./api-client";
import type { ApiResponse } from "./api-types";

type PublicPrograms = ApiResponse<"/api/public/programs", "get">;
export type PublicProgram = PublicPrograms["items"][number];

// GET /api/public/programs – programs a referrer can join or sign in to.
export async function listPublicPrograms(): Promise<PublicProgram[]> {
  const { items } = await apiRequest<PublicPrograms>("/api/public/programs");
  return items;
}
