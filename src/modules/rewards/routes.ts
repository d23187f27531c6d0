import { z } from "zod";
import { participantRoute, staffRoute } from "../../platform/http/principal-handlers.js";
import { type RouteModule, withZod, ZErrorResponse } from "../../platform/http/route-module.js";
import { listAvailableRewardItems } from "./catalog-queries.js";
import { chooseReward } from "./choose-reward.js";
import { listFulfilment, updateOffer } from "./fulfilment.js";
import { createCatalogItem, listCatalog, updateCatalogItem } from "./reward-catalog.js";
import { listParticipantOffers } from "./reward-offers.js";
import {
  ZAdminOffer,
  ZCatalogItem,
  ZCatalogItemInput,
  ZCatalogItemPatch,
  ZFulfilmentQuery,
  ZOfferUpdate,
  ZPortalOffer,
} from "./reward-schemas.js";
import { rewardOfferStatuses, ZOfferedItem } from "./schema.js";

const ZIdParams = z.object({ id: z.uuid() });
const errors = { 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

export const rewardRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);
  const scopeOf = (staff: { organizationId: string }) => ({ organizationId: staff.organizationId });

  // GET /api/admin/rewards/catalog – an admin lists a program's catalog, retired items included
  r.get(
    "/api/admin/rewards/catalog",
    staffRoute("rewards.manage", {
      schema: {
        tags: ["rewards"],
        querystring: z.object({ programId: z.uuid() }),
        response: { 200: z.object({ items: z.array(ZCatalogItem) }), ...errors },
      },
      handler: async (request, staff) => ({
        items: await listCatalog(ctx.db, scopeOf(staff), request.query.programId),
      }),
    }),
  );

  // POST /api/admin/rewards/catalog – an admin adds an item
  r.post(
    "/api/admin/rewards/catalog",
    staffRoute("rewards.manage", {
      schema: { tags: ["rewards"], body: ZCatalogItemInput, response: { 201: ZCatalogItem, ...errors } },
      handler: async (request, staff, reply) =>
        reply.status(201).send(await createCatalogItem(ctx.db, scopeOf(staff), request.body)),
    }),
  );

  // PATCH /api/admin/rewards/catalog/:id – an admin edits, retires or restocks an item
  r.patch(
    "/api/admin/rewards/catalog/:id",
    staffRoute("rewards.manage", {
      schema: {
        tags: ["rewards"],
        params: ZIdParams,
        body: ZCatalogItemPatch,
        response: { 200: ZCatalogItem, ...errors },
      },
      handler: async (request, staff) =>
        updateCatalogItem(ctx.db, scopeOf(staff), request.params.id, request.body),
    }),
  );

  // GET /api/admin/rewards/fulfilment – an admin sees offers by state and due month
  r.get(
    "/api/admin/rewards/fulfilment",
    staffRoute("rewards.manage", {
      schema: {
        tags: ["rewards"],
        querystring: ZFulfilmentQuery,
        response: {
          200: z.object({
            items: z.array(ZAdminOffer),
            nextCursor: z.string().nullable(),
            counts: z.object(Object.fromEntries(rewardOfferStatuses.map((s) => [s, z.number()]))),
          }),
          ...errors,
        },
      },
      handler: async (request, staff) => listFulfilment(ctx.db, scopeOf(staff), request.query),
    }),
  );

  // PATCH /api/admin/rewards/:id – an admin records a delivery or a delay
  r.patch(
    "/api/admin/rewards/:id",
    staffRoute("rewards.manage", {
      schema: {
        tags: ["rewards"],
        params: ZIdParams,
        body: ZOfferUpdate,
        response: { 200: ZAdminOffer, ...errors },
      },
      handler: async (request, staff) =>
        updateOffer(ctx, scopeOf(staff), staff.staffUserId, request.params.id, request.body),
    }),
  );

  // GET /api/portal/rewards – a referrer sees their offers and the items they may choose now
  r.get(
    "/api/portal/rewards",
    participantRoute({
      schema: {
        tags: ["portal"],
        response: {
          200: z.object({ items: z.array(ZPortalOffer), availableItems: z.array(ZOfferedItem) }),
        },
      },
      handler: async (_request, principal) => {
        const { participantId, programId } = principal;
        const [items, available] = await Promise.all([
          listParticipantOffers(ctx.db, participantId),
          listAvailableRewardItems(ctx.db, { programId }),
        ]);
        return {
          items,
          availableItems: available.map((item) => ({
            id: item.id,
            name: item.name,
            description: item.description,
            kind: item.kind,
            imageUrl: item.imageUrl,
          })),
        };
      },
    }),
  );

  // POST /api/portal/rewards/:id/choice – a referrer chooses an item active now
  r.post(
    "/api/portal/rewards/:id/choice",
    participantRoute({
      schema: {
        tags: ["portal"],
        params: ZIdParams,
        body: z.object({ itemId: z.uuid() }),
        response: { 200: ZPortalOffer, ...errors },
      },
      handler: async (request, principal) =>
        chooseReward(ctx, principal, request.params.id, request.body.itemId),
    }),
  );
};
