import { z } from "zod";
import { access } from "../../platform/http/access.js";
import { type RouteModule, withZod } from "../../platform/http/route-module.js";
import { listRunningPrograms } from "./program-queries.js";

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
};
