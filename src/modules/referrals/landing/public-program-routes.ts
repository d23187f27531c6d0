// The public page's data as JSON: a program's rules and the rewards one can earn now. It lives with the
// landing page (referrals), the module that reads both programs and rewards.
import { z } from "zod";
import { access } from "../../../platform/http/access.js";
import { type RouteModule, withZod } from "../../../platform/http/route-module.js";
import { ZLocalizedText } from "../../../shared/localized-text.js";
import { rewardKinds } from "../../../shared/reward-codes.js";
import { getProgramBySlugOrThrow, isProgramRunning, ZProgramRules } from "../../programs/index.js";
import { listAvailableRewardItems } from "../../rewards/index.js";

const ZSlugParams = z.object({ programSlug: z.string().min(1).max(100) });

const ZPublicCatalogItem = z.object({
  id: z.string(),
  name: ZLocalizedText,
  description: ZLocalizedText,
  imageUrl: z.string().nullable(),
  kind: z.enum(rewardKinds),
});

const ZPublicProgram = z.object({
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
});

export const publicProgramRoutes: RouteModule = (app, ctx) => {
  // GET /api/public/programs/:programSlug – a program's rules and current reward catalog
  withZod(app).get("/api/public/programs/:programSlug", {
    config: { access: access.public },
    schema: { tags: ["public"], params: ZSlugParams, response: { 200: ZPublicProgram } },
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
