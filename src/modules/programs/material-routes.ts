import { eq } from "drizzle-orm";
import { z } from "zod";
import { participantRoute, staffRoute } from "../../platform/http/principal-handlers.js";
import { type RouteModule, withZod, ZErrorResponse } from "../../platform/http/route-module.js";
import { ZLocalizedText } from "../../shared/localized-text.js";
import { programs } from "./schema.js";
import {
  createMaterial,
  deleteMaterial,
  listAdminMaterials,
  listPortalMaterials,
  updateMaterial,
  ZAdminMaterial,
  ZMaterialInput,
  ZMaterialPatch,
  ZPortalMaterial,
} from "./support-materials.js";

const errors = { 404: ZErrorResponse, 422: ZErrorResponse };

export const materialRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);
  const scopeOf = (staff: { organizationId: string }) => ({ organizationId: staff.organizationId });

  // GET /api/admin/programs/:programId/materials – an admin lists a program's materials and tips
  r.get(
    "/api/admin/programs/:programId/materials",
    staffRoute("materials.manage", {
      schema: {
        tags: ["materials"],
        params: z.object({ programId: z.uuid() }),
        response: { 200: z.object({ items: z.array(ZAdminMaterial) }), ...errors },
      },
      handler: async (request, staff) => ({
        items: await listAdminMaterials(ctx.db, scopeOf(staff), request.params.programId),
      }),
    }),
  );

  // POST /api/admin/programs/:programId/materials – an admin adds a material or tip
  r.post(
    "/api/admin/programs/:programId/materials",
    staffRoute("materials.manage", {
      schema: {
        tags: ["materials"],
        params: z.object({ programId: z.uuid() }),
        body: ZMaterialInput,
        response: { 201: ZAdminMaterial, ...errors },
      },
      handler: async (request, staff, reply) =>
        reply
          .status(201)
          .send(await createMaterial(ctx.db, scopeOf(staff), request.params.programId, request.body)),
    }),
  );

  // PATCH /api/admin/materials/:id – an admin edits a material or tip
  r.patch(
    "/api/admin/materials/:id",
    staffRoute("materials.manage", {
      schema: {
        tags: ["materials"],
        params: z.object({ id: z.uuid() }),
        body: ZMaterialPatch,
        response: { 200: ZAdminMaterial, ...errors },
      },
      handler: async (request, staff) =>
        updateMaterial(ctx.db, scopeOf(staff), request.params.id, request.body),
    }),
  );

  // DELETE /api/admin/materials/:id – an admin removes a material or tip
  r.delete(
    "/api/admin/materials/:id",
    staffRoute("materials.manage", {
      schema: {
        tags: ["materials"],
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null().describe("deleted"), 404: ZErrorResponse },
      },
      handler: async (request, staff, reply) => {
        await deleteMaterial(ctx.db, scopeOf(staff), request.params.id);
        return reply.status(204).send(null);
      },
    }),
  );

  // GET /api/portal/materials – a referrer reads support materials, tips and what to share
  r.get(
    "/api/portal/materials",
    participantRoute({
      schema: {
        tags: ["portal"],
        response: {
          200: z.object({
            materials: z.array(ZPortalMaterial),
            policyTips: z.array(ZLocalizedText),
            share: z.object({ landingUrl: z.string(), message: ZLocalizedText }),
          }),
        },
      },
      handler: async (_request, principal) => {
        const { programId } = principal;
        const [[program], materials] = await Promise.all([
          ctx.db.select().from(programs).where(eq(programs.id, programId)),
          listPortalMaterials(ctx.db, programId),
        ]);
        const landingUrl = `${ctx.config.appUrl}/p/${program!.slug}`;
        return {
          materials,
          policyTips: program!.rules.tips,
          share: {
            landingUrl,
            message: {
              "pt-BR": `Conhece uma empresa que precisa de ${program!.name}? Indique pelo link: ${landingUrl}`,
              en: `Know a company that needs ${program!.name}? Refer it here: ${landingUrl}`,
            },
          },
        };
      },
    }),
  );
};
