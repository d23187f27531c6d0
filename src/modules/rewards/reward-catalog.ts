// The program's reward catalog, managed by admins. Items change over time; an offer keeps a snapshot of
// what was chosen, so editing or retiring an item never alters a choice already made.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { NotFound } from "../../platform/http/errors.js";
import { getOrganizationProgramOrThrow } from "../programs/index.js";
import { type TCatalogItemInput, type TCatalogItemPatch, toCatalogItem } from "./reward-schemas.js";
import { rewardItems } from "./schema.js";
import { deskManagerRewardItems } from "./templates/desk-manager-catalog.js";

/** Copies the desk-manager template's catalog into a new program. */
export async function addTemplateCatalog(tx: Db, programId: string): Promise<void> {
  await tx.insert(rewardItems).values(deskManagerRewardItems.map((item) => ({ ...item, programId })));
}

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
    .select({ programId: rewardItems.programId })
    .from(rewardItems)
    .where(eq(rewardItems.id, itemId));
  // Items carry their program, programs their organization: another organization's item is a 404.
  const isOurs =
    owned !== undefined &&
    (await getOrganizationProgramOrThrow(db, scope, owned.programId).then(
      () => true,
      () => false,
    ));
  if (!isOurs) throw new NotFound("reward_item_not_found", "No such catalog item.");
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
