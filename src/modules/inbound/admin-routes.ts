import { z } from "zod";
import { staffRoute } from "../../platform/http/principal-handlers.js";
import { type RouteModule, withZod, ZErrorResponse } from "../../platform/http/route-module.js";
import { ZAttachInbound, ZInboundEmail, ZInboundEmailDetail, ZInboundQuery } from "./inbound-schemas.js";
import { openContactTicket, ZOpenContactTicket } from "./open-contact-ticket.js";
import { attachInboundEmail, discardInboundEmail } from "./quarantine-decisions.js";
import { getInboundEmailDetail, getInboundOriginal, listInboundEmails } from "./review-inbound.js";

const ZIdParams = z.object({ id: z.uuid() });
const errors = { 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

export const inboundAdminRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);

  // GET /api/admin/inbound – support lists received e-mails by status (default: the quarantine)
  r.get(
    "/api/admin/inbound",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["inbound"],
        querystring: ZInboundQuery,
        response: {
          200: z.object({ items: z.array(ZInboundEmail), nextCursor: z.string().nullable() }),
          422: ZErrorResponse,
        },
      },
      handler: async (request, staff) => listInboundEmails(ctx.db, staff, request.query),
    }),
  );

  // GET /api/admin/inbound/:id – support reads one received e-mail: what was kept, the full text, where it went
  r.get(
    "/api/admin/inbound/:id",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["inbound"],
        params: ZIdParams,
        response: { 200: ZInboundEmailDetail, 404: ZErrorResponse },
      },
      handler: async (request, staff) => getInboundEmailDetail(ctx.db, staff, request.params.id),
    }),
  );

  // GET /api/admin/inbound/:id/original – support views the e-mail exactly as received ("view original")
  r.get(
    "/api/admin/inbound/:id/original",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["inbound"],
        params: ZIdParams,
        querystring: z.object({ download: z.enum(["0", "1"]).default("0") }),
      },
      handler: async (request, staff, reply) => {
        const raw = await getInboundOriginal(ctx.db, staff, request.params.id);
        // Shown as text, never interpreted: an HTML part must not run in our origin.
        reply.header("content-security-policy", "default-src 'none'; sandbox");
        if (request.query.download === "1") {
          reply.header("content-disposition", `attachment; filename="message-${request.params.id}.eml"`);
          return reply.type("message/rfc822").send(raw);
        }
        return reply.type("text/plain; charset=utf-8").send(raw);
      },
    }),
  );

  // POST /api/admin/inbound/:id/attach – support attaches a quarantined e-mail to a participant (a ticket message)
  r.post(
    "/api/admin/inbound/:id/attach",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["inbound"],
        params: ZIdParams,
        body: ZAttachInbound,
        response: { 200: ZInboundEmail, ...errors },
      },
      handler: async (request, staff) => attachInboundEmail(ctx, staff, request.params.id, request.body),
    }),
  );

  // POST /api/admin/inbound/:id/contact – support opens a ticket for a new contact (not a referrer) from a quarantined e-mail
  r.post(
    "/api/admin/inbound/:id/contact",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["inbound"],
        params: ZIdParams,
        body: ZOpenContactTicket,
        response: { 200: ZInboundEmail, ...errors },
      },
      handler: async (request, staff) => openContactTicket(ctx, staff, request.params.id, request.body),
    }),
  );

  // POST /api/admin/inbound/:id/discard – support discards a quarantined e-mail (the original is kept)
  r.post(
    "/api/admin/inbound/:id/discard",
    staffRoute("helpdesk.work", {
      schema: { tags: ["inbound"], params: ZIdParams, response: { 200: ZInboundEmail, ...errors } },
      handler: async (request, staff) => discardInboundEmail(ctx.db, staff, request.params.id),
    }),
  );
};
