import { z } from "zod";
import { staffRoute } from "../../platform/http/principal-handlers.js";
import { type RouteModule, withZod, ZErrorResponse, ZNoContent } from "../../platform/http/route-module.js";
import {
  liftOrganizationSuppression,
  listOrganizationSuppressions,
  ZSuppression,
  ZSuppressionQuery,
} from "./review-suppressions.js";

export const suppressionRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);

  // GET /api/admin/suppressions – an admin lists the addresses the programs no longer write to, and why
  r.get(
    "/api/admin/suppressions",
    staffRoute("suppressions.manage", {
      schema: {
        tags: ["inbound"],
        querystring: ZSuppressionQuery,
        response: {
          200: z.object({ items: z.array(ZSuppression), nextCursor: z.string().nullable() }),
          422: ZErrorResponse,
        },
      },
      handler: async (request, staff) => listOrganizationSuppressions(ctx.db, staff, request.query),
    }),
  );

  // DELETE /api/admin/suppressions/:id – an admin lifts a suppression: the program writes to the address again
  r.delete(
    "/api/admin/suppressions/:id",
    staffRoute("suppressions.manage", {
      schema: {
        tags: ["inbound"],
        params: z.object({ id: z.uuid() }),
        response: { 204: ZNoContent, 404: ZErrorResponse, 422: ZErrorResponse },
      },
      handler: async (request, staff, reply) => {
        await liftOrganizationSuppression(ctx.db, staff, request.params.id);
        return reply.status(204).send();
      },
    }),
  );
};
