import { z } from "zod";
import { staffRoute } from "../../platform/http/principal-handlers.js";
import { type RouteModule, withZod, ZErrorResponse } from "../../platform/http/route-module.js";
import { getAdminTicketDetail } from "./admin-ticket-detail.js";
import { addInternalNote, replyToTicket } from "./agent-messages.js";
import { cannedRepliesForTicket, ZRenderedCannedReply } from "./canned-replies.js";
import { helpdeskOptions, ZHelpdeskOptions } from "./helpdesk-options.js";
import {
  ZAdminTicket,
  ZAdminTicketDetail,
  ZAdminTicketQuery,
  ZCountsQuery,
  ZMessageBody,
  ZReplyBody,
  ZTicketCounts,
  ZTicketPatch,
} from "./helpdesk-schemas.js";
import { listAdminTickets } from "./list-tickets.js";
import { countTickets } from "./ticket-counts.js";
import { updateTicket } from "./update-ticket.js";

const ZIdParams = z.object({ id: z.uuid() });
const errors = { 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

export const agentTicketRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);
  const scopeOf = (staff: { organizationId: string }) => ({ organizationId: staff.organizationId });

  // GET /api/admin/tickets – support lists the organization's tickets (filters, search, sort, keyset pages)
  r.get(
    "/api/admin/tickets",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["helpdesk"],
        querystring: ZAdminTicketQuery,
        response: {
          200: z.object({ items: z.array(ZAdminTicket), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
      handler: async (request, staff) => listAdminTickets(ctx.db, staff, request.query),
    }),
  );

  // GET /api/admin/tickets/counts – support sees how many tickets each status and view holds
  r.get(
    "/api/admin/tickets/counts",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["helpdesk"],
        querystring: ZCountsQuery,
        response: { 200: ZTicketCounts, ...errors },
      },
      handler: async (request, staff) => countTickets(ctx.db, staff, request.query.programId),
    }),
  );

  // GET /api/admin/helpdesk/options – support gets the programs' contact reasons and the assignable agents
  r.get(
    "/api/admin/helpdesk/options",
    staffRoute("helpdesk.work", {
      schema: { tags: ["helpdesk"], response: { 200: ZHelpdeskOptions } },
      handler: async (_request, staff) => helpdeskOptions(ctx.db, scopeOf(staff)),
    }),
  );

  // GET /api/admin/tickets/:id – support reads a ticket: thread with notes, history, SLA, participant card
  r.get(
    "/api/admin/tickets/:id",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["helpdesk"],
        params: ZIdParams,
        response: { 200: ZAdminTicketDetail, 404: ZErrorResponse },
      },
      handler: async (request, staff) => getAdminTicketDetail(ctx.db, scopeOf(staff), request.params.id),
    }),
  );

  // POST /api/admin/tickets/:id/replies – support answers the referrer (portal and e-mail)
  r.post(
    "/api/admin/tickets/:id/replies",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["helpdesk"],
        params: ZIdParams,
        body: ZReplyBody,
        response: { 201: ZAdminTicketDetail, ...errors },
      },
      handler: async (request, staff, reply) => {
        await replyToTicket(ctx, staff, request.params.id, request.body);
        return reply.status(201).send(await getAdminTicketDetail(ctx.db, scopeOf(staff), request.params.id));
      },
    }),
  );

  // POST /api/admin/tickets/:id/notes – support adds an internal note (never shown to the referrer)
  r.post(
    "/api/admin/tickets/:id/notes",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["helpdesk"],
        params: ZIdParams,
        body: ZMessageBody,
        response: { 201: ZAdminTicketDetail, ...errors },
      },
      handler: async (request, staff, reply) => {
        await addInternalNote(ctx, staff, request.params.id, request.body.message);
        return reply.status(201).send(await getAdminTicketDetail(ctx.db, scopeOf(staff), request.params.id));
      },
    }),
  );

  // PATCH /api/admin/tickets/:id – support saves status, priority, assignee or contact reason
  r.patch(
    "/api/admin/tickets/:id",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["helpdesk"],
        params: ZIdParams,
        body: ZTicketPatch,
        response: { 200: ZAdminTicketDetail, ...errors },
      },
      handler: async (request, staff) => {
        await updateTicket(ctx, staff, request.params.id, request.body);
        return getAdminTicketDetail(ctx.db, scopeOf(staff), request.params.id);
      },
    }),
  );

  // GET /api/admin/tickets/:id/canned-replies – support gets the program's canned replies filled for this ticket
  r.get(
    "/api/admin/tickets/:id/canned-replies",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["helpdesk"],
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZRenderedCannedReply) }), 404: ZErrorResponse },
      },
      handler: async (request, staff) => ({
        items: await cannedRepliesForTicket(ctx.db, staff, request.params.id),
      }),
    }),
  );
};
