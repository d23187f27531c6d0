import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { PORTAL_COOKIE } from "../../platform/http/access.js";
import { participantRoute } from "../../platform/http/principal-handlers.js";
import { clientInfo, type RouteModule, withZod, ZErrorResponse } from "../../platform/http/route-module.js";
import { referralStatuses } from "../../shared/referral-codes.js";
import { ZContactReasonOption } from "./helpdesk-options.js";
import {
  ZMessageBody,
  ZOpenTicket,
  ZPortalTicket,
  ZPortalTicketDetail,
  ZPortalTicketQuery,
} from "./helpdesk-schemas.js";
import { openTicket } from "./open-ticket.js";
import {
  addParticipantMessage,
  getPortalTicket,
  listPortalTickets,
  markTicketRead,
  portalHelpdeskOptions,
} from "./portal-tickets.js";

const ZIdParams = z.object({ id: z.uuid() });
const errors = { 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

// Per referrer session (not per address: colleagues behind one office NAT share an address).
const perSession = (request: FastifyRequest) => request.cookies[PORTAL_COOKIE] ?? request.ip;

export const portalTicketRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);

  // GET /api/portal/tickets – a referrer lists their own tickets, open or closed tab
  r.get(
    "/api/portal/tickets",
    participantRoute({
      schema: {
        tags: ["portal", "helpdesk"],
        querystring: ZPortalTicketQuery,
        response: {
          200: z.object({
            items: z.array(ZPortalTicket),
            nextCursor: z.string().nullable(),
            counts: z.object({ open: z.number(), closed: z.number() }),
          }),
          422: ZErrorResponse,
        },
      },
      handler: async (request, principal) => listPortalTickets(ctx.db, principal, request.query),
    }),
  );

  // POST /api/portal/tickets – a referrer opens a ticket ("Solicitar atendimento")
  r.post(
    "/api/portal/tickets",
    participantRoute({
      config: {
        rateLimit: { max: 20, timeWindow: "1 hour", keyGenerator: perSession },
      },
      schema: {
        tags: ["portal", "helpdesk"],
        body: ZOpenTicket,
        response: { 201: ZPortalTicketDetail, ...errors },
      },
      handler: async (request, principal, reply) => {
        const ticket = await openTicket(ctx, principal, request.body, clientInfo(request));
        return reply.status(201).send(await getPortalTicket(ctx.db, principal, ticket.id));
      },
    }),
  );

  // GET /api/portal/helpdesk/options – the contact reasons and the referrer's referrals, for the form
  r.get(
    "/api/portal/helpdesk/options",
    participantRoute({
      schema: {
        tags: ["portal", "helpdesk"],
        response: {
          200: z.object({
            contactReasons: z.array(ZContactReasonOption),
            referrals: z.array(
              z.object({ id: z.string(), companyName: z.string(), status: z.enum(referralStatuses) }),
            ),
          }),
        },
      },
      handler: async (_request, principal) => portalHelpdeskOptions(ctx.db, principal),
    }),
  );

  // GET /api/portal/tickets/:id – a referrer reads one of their tickets (public messages only)
  r.get(
    "/api/portal/tickets/:id",
    participantRoute({
      schema: {
        tags: ["portal", "helpdesk"],
        params: ZIdParams,
        response: { 200: ZPortalTicketDetail, 404: ZErrorResponse },
      },
      handler: async (request, principal) => getPortalTicket(ctx.db, principal, request.params.id),
    }),
  );

  // POST /api/portal/tickets/:id/messages – a referrer comments while the ticket is open or pending
  r.post(
    "/api/portal/tickets/:id/messages",
    participantRoute({
      config: {
        rateLimit: { max: 60, timeWindow: "1 hour", keyGenerator: perSession },
      },
      schema: {
        tags: ["portal", "helpdesk"],
        params: ZIdParams,
        body: ZMessageBody,
        response: { 201: ZPortalTicketDetail, ...errors },
      },
      handler: async (request, principal, reply) => {
        await addParticipantMessage(ctx, principal, request.params.id, request.body.message);
        return reply.status(201).send(await getPortalTicket(ctx.db, principal, request.params.id));
      },
    }),
  );

  // POST /api/portal/tickets/:id/read – a referrer saw the thread: its staff replies are no longer new
  r.post(
    "/api/portal/tickets/:id/read",
    participantRoute({
      schema: {
        tags: ["portal", "helpdesk"],
        params: ZIdParams,
        response: { 204: z.null(), 404: ZErrorResponse },
      },
      handler: async (request, principal, reply) => {
        await markTicketRead(ctx.db, principal, request.params.id);
        return reply.status(204).send(null);
      },
    }),
  );
};
