import { z } from "zod";
import { participantRoute } from "../../platform/http/principal-handlers.js";
import { type RouteModule, withZod, ZErrorResponse } from "../../platform/http/route-module.js";
import {
  countPortalReferrals,
  getPortalReferral,
  listPortalReferrals,
  ZPortalReferral,
  ZPortalReferralQuery,
} from "./portal-referrals.js";
import { referralStatuses } from "./schema.js";

export const portalReferralRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);

  // GET /api/portal/referrals – a referrer's own referrals with status, reason and history
  r.get(
    "/api/portal/referrals",
    participantRoute({
      schema: {
        tags: ["portal"],
        querystring: ZPortalReferralQuery,
        response: {
          200: z.object({
            items: z.array(ZPortalReferral),
            nextCursor: z.string().nullable(),
            counts: z.object(Object.fromEntries(referralStatuses.map((s) => [s, z.number()]))),
          }),
          422: ZErrorResponse,
        },
      },
      handler: async (request, principal) => {
        const participant = principal;
        const [page, counts] = await Promise.all([
          listPortalReferrals(ctx.db, participant, request.query),
          countPortalReferrals(ctx.db, participant),
        ]);
        return { ...page, counts };
      },
    }),
  );

  // GET /api/portal/referrals/:id – one of the referrer's referrals
  r.get(
    "/api/portal/referrals/:id",
    participantRoute({
      schema: {
        tags: ["portal"],
        params: z.object({ id: z.uuid() }),
        response: { 200: ZPortalReferral, 404: ZErrorResponse },
      },
      handler: async (request, principal) => getPortalReferral(ctx.db, principal, request.params.id),
    }),
  );
};
