import { z } from "zod";
import { access } from "../../platform/http/access.js";
import { type RouteModule, withZod } from "../../platform/http/route-module.js";
import { listAvailableRewardItems } from "../rewards/index.js";
import { getProgramBySlugOrThrow, isProgramRunning, listRunningPrograms } from "./program-queries.js";
import { ZLocalizedText, ZProgramRules } from "./schema.js";

const ZSlugParams = z.object({ programSlug: z.string().min(1).max(100) });

const ZPublicCatalogItem = z.object({
  id: z.string(),
  name: ZLocalizedText,
  description: ZLocalizedText,
  imageUrl: z.string().nullable(),
  kind: z.string(),
});

export const programRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);

  // GET /api/public/programs – programs running today (name and slug only)
  r.get("/api/public/programs", {
    config: { access: access.public },
    schema: {
      tags: ["public"],
      response: { 200: z.object({ items: z.array(z.object({ slug: z.string(), name: z.string() })) }) },
    },
    handler: async () => ({ items: await listRunningPrograms(ctx.db) }),
  });

  // GET /api/public/programs/:programSlug – a program's rules and current reward catalog
  r.get("/api/public/programs/:programSlug", {
    config: { access: access.public },
    schema: {
      tags: ["public"],
      params: ZSlugParams,
      response: {
        200: z.object({
          program: z.object({
            slug: z.string(),
            name: z.string(),
            isRunning: z.boolean(),
            startsOn: z.string(),
            endsOn: z.string().nullable(),
            minimumAge: z.number(),
            termsVersion: z.string(),
            rules: ZProgramRules,
          }),
          catalog: z.array(ZPublicCatalogItem),
        }),
      },
    },
    handler: async (request) => {
      const program = await getProgramBySlugOrThrow(ctx.db, request.params.programSlug);
      const catalog = await listAvailableRewardItems(ctx.db, { programId: program.id });
      return {
        program: {
          slug: program.slug,
          name: program.name,
          isRunning: isProgramRunning(program),
          startsOn: program.startsOn,
          endsOn: program.endsOn,
          minimumAge: program.minimumAge,
          termsVersion: program.termsVersion,
          rules: program.rules,
        },
        catalog: catalog.map(({ id, name, description, imageUrl, kind }) => ({
          id,
          name,
          description,
          imageUrl,
          kind,
        })),
      };
    },
  });
};
