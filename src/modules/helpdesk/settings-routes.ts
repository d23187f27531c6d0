import { z } from "zod";
import { staffRoute } from "../../platform/http/principal-handlers.js";
import { type RouteModule, withZod, ZErrorResponse } from "../../platform/http/route-module.js";
import {
  createCannedReply,
  deleteCannedReply,
  listCannedReplies,
  updateCannedReply,
  ZCannedReply,
  ZCannedReplyInput,
  ZCannedReplyPatch,
} from "./canned-replies.js";
import {
  getHelpdeskSettings,
  updateHelpdeskSettings,
  ZHelpdeskSettings,
  ZSlaTargets,
} from "./sla-settings.js";

const ZIdParams = z.object({ id: z.uuid() });
const ZProgramQuery = z.object({ programId: z.uuid() });
const errors = { 404: ZErrorResponse, 422: ZErrorResponse };

/** Canned replies (support and above) and SLA targets (read by support, set by admins), per program. */
export const helpdeskSettingsRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);
  const scopeOf = (staff: { organizationId: string }) => ({ organizationId: staff.organizationId });

  // GET /api/admin/helpdesk/canned-replies – support lists a program's canned replies
  r.get(
    "/api/admin/helpdesk/canned-replies",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["helpdesk"],
        querystring: ZProgramQuery,
        response: { 200: z.object({ items: z.array(ZCannedReply) }), ...errors },
      },
      handler: async (request, staff) => ({
        items: await listCannedReplies(ctx.db, scopeOf(staff), request.query.programId),
      }),
    }),
  );

  // POST /api/admin/helpdesk/canned-replies – support writes a canned reply for a program
  r.post(
    "/api/admin/helpdesk/canned-replies",
    staffRoute("helpdesk.work", {
      schema: { tags: ["helpdesk"], body: ZCannedReplyInput, response: { 201: ZCannedReply, ...errors } },
      handler: async (request, staff, reply) =>
        reply.status(201).send(await createCannedReply(ctx.db, staff, request.body)),
    }),
  );

  // PATCH /api/admin/helpdesk/canned-replies/:id – support edits a canned reply
  r.patch(
    "/api/admin/helpdesk/canned-replies/:id",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["helpdesk"],
        params: ZIdParams,
        body: ZCannedReplyPatch,
        response: { 200: ZCannedReply, ...errors },
      },
      handler: async (request, staff) =>
        updateCannedReply(ctx.db, scopeOf(staff), request.params.id, request.body),
    }),
  );

  // DELETE /api/admin/helpdesk/canned-replies/:id – support removes a canned reply
  r.delete(
    "/api/admin/helpdesk/canned-replies/:id",
    staffRoute("helpdesk.work", {
      schema: { tags: ["helpdesk"], params: ZIdParams, response: { 204: z.null(), 404: ZErrorResponse } },
      handler: async (request, staff, reply) => {
        await deleteCannedReply(ctx.db, scopeOf(staff), request.params.id);
        return reply.status(204).send(null);
      },
    }),
  );

  // GET /api/admin/helpdesk/settings – support reads a program's SLA targets
  r.get(
    "/api/admin/helpdesk/settings",
    staffRoute("helpdesk.work", {
      schema: {
        tags: ["helpdesk"],
        querystring: ZProgramQuery,
        response: { 200: ZHelpdeskSettings, ...errors },
      },
      handler: async (request, staff) => getHelpdeskSettings(ctx.db, scopeOf(staff), request.query.programId),
    }),
  );

  // PUT /api/admin/helpdesk/settings – an admin sets a program's SLA targets per priority
  r.put(
    "/api/admin/helpdesk/settings",
    staffRoute("helpdesk.configure", {
      schema: {
        tags: ["helpdesk"],
        body: z.object({ programId: z.uuid(), slaTargets: ZSlaTargets }),
        response: { 200: ZHelpdeskSettings, ...errors },
      },
      handler: async (request, staff) =>
        updateHelpdeskSettings(ctx.db, staff, request.body.programId, request.body.slaTargets),
    }),
  );
};
