// Support materials and referral tips, managed by admins per program and shown in the portal. The body
// is Markdown written by staff, rendered to sanitised HTML when read.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { NotFound } from "../../platform/http/errors.js";
import { renderSafeMarkdown } from "../../platform/text/safe-html.js";
import { ZLocalizedText } from "../../shared/localized-text.js";
import { getOrganizationProgramOrThrow } from "./program-queries.js";
import { programs, type SupportMaterial, supportMaterials } from "./schema.js";

const localized = (max: number, required: boolean) =>
  z.object({
    "pt-BR": required ? z.string().trim().min(1).max(max) : z.string().trim().max(max),
    en: required ? z.string().trim().min(1).max(max) : z.string().trim().max(max),
  });

export const ZMaterialInput = z.object({
  kind: z.enum(["material", "tip"]).default("material"),
  title: localized(160, true),
  bodyMarkdown: localized(20_000, false),
  linkUrl: z
    .url({ protocol: /^https?$/, message: "Use um endereço http:// ou https://." })
    .max(2048)
    .nullish(),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const ZMaterialPatch = ZMaterialInput.partial().refine((patch) => Object.keys(patch).length > 0, {
  message: "Nothing to change.",
});

export const ZAdminMaterial = z
  .object({
    id: z.string(),
    programId: z.string(),
    kind: z.enum(["material", "tip"]),
    title: ZLocalizedText,
    bodyMarkdown: ZLocalizedText,
    bodyHtml: ZLocalizedText.describe("The body as the portal shows it: Markdown rendered and sanitised."),
    linkUrl: z.string().nullable(),
    position: z.number().describe("Lower first in the portal; ties in creation order."),
    updatedAt: z.string(),
  })
  .meta({ id: "AdminMaterial" });

export const ZPortalMaterial = z
  .object({
    id: z.string(),
    kind: z.enum(["material", "tip"]),
    title: ZLocalizedText,
    bodyHtml: ZLocalizedText,
    linkUrl: z.string().nullable(),
  })
  .meta({ id: "PortalMaterial" });

/** The body in each language as sanitised HTML; English falls back to the pt-BR text. */
const renderedBody = (m: SupportMaterial) => ({
  "pt-BR": renderSafeMarkdown(m.bodyMarkdown["pt-BR"]),
  en: renderSafeMarkdown(m.bodyMarkdown.en || m.bodyMarkdown["pt-BR"]),
});

const toAdminMaterial = (m: SupportMaterial) => ({
  id: m.id,
  programId: m.programId,
  kind: m.kind,
  title: m.title,
  bodyMarkdown: m.bodyMarkdown,
  bodyHtml: renderedBody(m),
  linkUrl: m.linkUrl,
  position: m.position,
  updatedAt: m.updatedAt.toISOString(),
});

export async function listProgramMaterials(db: Db, programId: string) {
  return db
    .select()
    .from(supportMaterials)
    .where(eq(supportMaterials.programId, programId))
    .orderBy(asc(supportMaterials.position), asc(supportMaterials.createdAt));
}

export async function listAdminMaterials(db: Db, scope: OrganizationScope, programId: string) {
  await getOrganizationProgramOrThrow(db, scope, programId);
  return (await listProgramMaterials(db, programId)).map(toAdminMaterial);
}

export async function listPortalMaterials(db: Db, programId: string) {
  return (await listProgramMaterials(db, programId)).map((m) => ({
    id: m.id,
    kind: m.kind,
    title: m.title,
    bodyHtml: renderedBody(m),
    linkUrl: m.linkUrl,
  }));
}

export async function createMaterial(
  db: Db,
  scope: OrganizationScope,
  programId: string,
  input: z.infer<typeof ZMaterialInput>,
) {
  await getOrganizationProgramOrThrow(db, scope, programId);
  const [material] = await db
    .insert(supportMaterials)
    .values({ ...input, linkUrl: input.linkUrl ?? null, programId })
    .returning();
  return toAdminMaterial(material!);
}

async function throwUnlessOwned(db: Db, scope: OrganizationScope, id: string) {
  const [owned] = await db
    .select({ id: supportMaterials.id })
    .from(supportMaterials)
    .innerJoin(programs, eq(programs.id, supportMaterials.programId))
    .where(and(eq(supportMaterials.id, id), eq(programs.organizationId, scope.organizationId)));
  if (!owned) throw new NotFound("material_not_found", "No such material.");
}

export async function updateMaterial(
  db: Db,
  scope: OrganizationScope,
  id: string,
  patch: z.infer<typeof ZMaterialPatch>,
) {
  await throwUnlessOwned(db, scope, id);
  const [material] = await db
    .update(supportMaterials)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(supportMaterials.id, id))
    .returning();
  return toAdminMaterial(material!);
}

export async function deleteMaterial(db: Db, scope: OrganizationScope, id: string) {
  await throwUnlessOwned(db, scope, id);
  await db.delete(supportMaterials).where(eq(supportMaterials.id, id));
}
