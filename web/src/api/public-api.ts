import { apiRequest } from "./api-client";

export type PublicProgram = { slug: string; name: string };

// GET /api/public/programs – programs a referrer can join or sign in to.
export async function listPublicPrograms(): Promise<PublicProgram[]> {
  const { items } = await apiRequest<{ items: PublicProgram[] }>("/api/public/programs");
  return items;
}
