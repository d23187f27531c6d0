// The program's reward catalog, managed by admins. Items change over time; an offer keeps a snapshot of
// what was chosen, so editing or retiring an item never alters a choice already made.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { NotFound } from "../../platform/http/errors.js";
import { getOrganizationProgramOrThrow, programs } from "../programs/index.js";
import { type TCatalogItemInput, type TCatalogItemPatch, toCatalogItem } from "./reward-schemas.js";
import { rewardItems } from "./schema.js";

export async function listCatalog(db: Db, scope: OrganizationScope, programId: string) {
  await getOrganizationProgramOrThrow(db, scope, programId);
  const items = await db
    .select()
    .from(rewardItems)
    .where(eq(rewardItems.programId, programId))
    .orderBy(asc(rewardItems.createdAt), asc(rewardItems.id));
  return items.map(toCatalogItem);
}

export async function createCatalogItem(db: Db, scope: OrganizationScope, input: TCatalogItemInput) {
  await getOrganizationProgramOrThrow(db, scope, input.programId);
  const [item] = await db
    .insert(rewardItems)
    .values({
      programId: input.programId,
      name: input.name,
      description: input.description,
      imageUrl: input.imageUrl ?? null,
      kind: input.kind,
      isActive: input.isActive,
      stock: input.stock ?? null,
    })
    .returning();
  return toCatalogItem(item!);
}

export async function updateCatalogItem(
  db: Db,
  scope: OrganizationScope,
  itemId: string,
  patch: TCatalogItemPatch,
) {
  const [owned] = await db
    .select({ id: rewardItems.id })
    .from(rewardItems)
    .innerJoin(programs, eq(programs.id, rewardItems.programId))
    .where(and(eq(rewardItems.id, itemId), eq(programs.organizationId, scope.organizationId)));
  if (!owned) throw new NotFound("reward_item_not_found", "No such catalog item.");
  const [item] = await db
    .update(rewardItems)
    .set({
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.description ? { description: patch.description } : {}),
      ...(patch.imageUrl !== undefined ? { imageUrl: patch.imageUrl } : {}),
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.isActive !== undefined ? { isActive: patch.isActive } : {}),
      ...(patch.stock !== undefined ? { stock: patch.stock } : {}),
      updatedAt: new Date(),
    })
    .where(eq(rewardItems.id, itemId))
    .returning();
  return toCatalogItem(item!);
}
