import { z } from "zod";
import { staffRoute } from "../../../platform/http/principal-handlers.js";
import { type RouteModule, withZod, ZErrorResponse } from "../../../platform/http/route-module.js";
import { localeFromAcceptLanguage, locales } from "../../../platform/i18n/locale.js";
import { todayIn } from "../../../shared/today.js";
import {
  ZAdminReferralDetail,
  ZAdminReferralSummary,
  ZAssignmentBody,
  ZReferralFilters,
  ZReferralListQuery,
  ZSaleBody,
  ZTransitionBody,
} from "./admin-schemas.js";
import { assignReferral, transitionReferral } from "./change-referral.js";
import { confirmSale } from "./confirm-sale.js";
import { exportReferralsCsv } from "./export-referrals-csv.js";
import { listReferrals } from "./list-referrals.js";
import { getReferralDetail } from "./referral-detail.js";

const ZIdParams = z.object({ id: z.uuid() });
const errors = { 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

/** The export's filters, and the language its headers, labels and dates are written in (the page's). */
const ZReferralExportQuery = ZReferralFilters.extend({
  lang: z.enum(locales).optional().describe("pt-BR or en; else the Accept-Language, else pt-BR."),
});

export const salesBackOfficeRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);
  const scopeOf = (staff: { organizationId: string }) => ({ organizationId: staff.organizationId });

  // GET /api/admin/referrals – sales lists the organization's referrals (filters, sort, keyset pages)
  r.get(
    "/api/admin/referrals",
    staffRoute("referrals.work", {
      schema: {
        tags: ["referrals"],
        querystring: ZReferralListQuery,
        response: {
          200: z.object({ items: z.array(ZAdminReferralSummary), nextCursor: z.string().nullable() }),
          422: ZErrorResponse,
        },
      },
      handler: async (request, staff) => listReferrals(ctx.db, scopeOf(staff), request.query),
    }),
  );

  // GET /api/admin/referrals/export.csv – sales downloads the filtered list
  r.get(
    "/api/admin/referrals/export.csv",
    staffRoute("referrals.work", {
      schema: { tags: ["referrals"], querystring: ZReferralExportQuery, produces: ["text/csv"] },
      handler: async (request, staff, reply) => {
        const { lang, ...filters } = request.query;
        const locale = lang ?? localeFromAcceptLanguage(request.headers["accept-language"]) ?? "pt-BR";
        const stream = exportReferralsCsv(ctx.db, scopeOf(staff), filters, locale);
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="indicacoes-${todayIn()}.csv"`)
          .header("cache-control", "no-store")
          .send(stream);
      },
    }),
  );

  // GET /api/admin/referrals/:id – sales sees one referral with findings, checklist and history
  r.get(
    "/api/admin/referrals/:id",
    staffRoute("referrals.work", {
      schema: {
        tags: ["referrals"],
        params: ZIdParams,
        response: { 200: ZAdminReferralDetail, 404: ZErrorResponse },
      },
      handler: async (request, staff) => getReferralDetail(ctx.db, scopeOf(staff), request.params.id),
    }),
  );

  // POST /api/admin/referrals/:id/transitions – sales moves a referral (reason where the policy needs one)
  r.post(
    "/api/admin/referrals/:id/transitions",
    staffRoute("referrals.work", {
      schema: {
        tags: ["referrals"],
        params: ZIdParams,
        body: ZTransitionBody,
        response: { 200: ZAdminReferralDetail, ...errors },
      },
      handler: async (request, staff) => {
        await transitionReferral(ctx, staff, request.params.id, request.body);
        return getReferralDetail(ctx.db, scopeOf(staff), request.params.id);
      },
    }),
  );

  // PATCH /api/admin/referrals/:id – sales assigns a referral to a sales person (or nobody)
  r.patch(
    "/api/admin/referrals/:id",
    staffRoute("referrals.work", {
      schema: {
        tags: ["referrals"],
        params: ZIdParams,
        body: ZAssignmentBody,
        response: { 200: ZAdminReferralDetail, ...errors },
      },
      handler: async (request, staff) => {
        await assignReferral(ctx, staff, request.params.id, request.body.assigneeId);
        return getReferralDetail(ctx.db, scopeOf(staff), request.params.id);
      },
    }),
  );

  // POST /api/admin/referrals/:id/sale – sales confirms the sale; a reward offer unless it is an upgrade
  r.post(
    "/api/admin/referrals/:id/sale",
    staffRoute("referrals.work", {
      schema: {
        tags: ["referrals"],
        params: ZIdParams,
        body: ZSaleBody,
        response: {
          201: z.object({ referral: ZAdminReferralDetail, offer: ZAdminReferralDetail.shape.offer }),
          ...errors,
        },
      },
      handler: async (request, staff, reply) => {
        await confirmSale(ctx, staff, request.params.id, request.body);
        const referral = await getReferralDetail(ctx.db, scopeOf(staff), request.params.id);
        return reply.status(201).send({ referral, offer: referral.offer });
      },
    }),
  );
};
