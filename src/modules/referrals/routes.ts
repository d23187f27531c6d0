import fastifyFormbody from "@fastify/formbody";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import { access } from "../../platform/http/access.js";
import { clientInfo, type RouteModule, withZod } from "../../platform/http/route-module.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { renderConsentPage } from "./consent-page.js";
import { decideContactConfirmation, findContactConfirmation } from "./contact-consent.js";
import { landingRoutes } from "./landing/landing-routes.js";
import { ZReferralSubmission } from "./referral-input.js";
import { refusalOfInvalidSubmission, submitReferral } from "./submit-referral.js";

const ZSlugParams = z.object({ programSlug: z.string().min(1).max(100) });
const ZTokenParams = z.object({ token: z.string().min(1).max(200) });

export const referralRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);

  // POST /api/public/programs/:programSlug/referrals – anyone submits a referral
  r.post("/api/public/programs/:programSlug/referrals", {
    config: { access: access.public, rateLimit: { max: 30, timeWindow: "1 minute" } },
    // A refused body still reaches the handler, which adds the program's rules to the fields named.
    attachValidation: true,
    schema: {
      tags: ["public"],
      params: ZSlugParams,
      body: ZReferralSubmission,
      response: { 201: z.object({ id: z.string(), status: z.literal("in_progress") }) },
    },
    handler: async (request, reply) => {
      if (request.validationError) {
        if (request.validationError.validationContext !== "body") throw request.validationError;
        throw (
          (await refusalOfInvalidSubmission(ctx, request.params.programSlug, request.body)) ??
          request.validationError
        );
      }
      const locale = request.headers["accept-language"];
      const result = await submitReferral(ctx, request.params.programSlug, request.body, {
        ...clientInfo(request),
        locale: typeof locale === "string" ? locale : undefined,
      });
      return reply.status(201).send(result);
    },
  });

  // The contact's consent page takes an HTML form post: its form parser lives in this plugin only, so
  // the JSON API never accepts form bodies.
  app.register(async (forms) => {
    await forms.register(fastifyFormbody, { bodyLimit: 16_384 });
    await contactConsentRoutes(forms, ctx);
    await landingRoutes(forms, ctx);
  });
};

async function contactConsentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = withZod(app);
  const localeOf = (lang: string | undefined, fallback: string) => resolveLocale(lang ?? fallback);

  // GET /c/:token – the referred contact sees who referred them (never changes anything: mail scanners open links)
  r.get("/c/:token", {
    config: { access: access.public, rateLimit: { max: 60, timeWindow: "1 minute" } },
    schema: {
      hide: true,
      params: ZTokenParams,
      querystring: z.object({ lang: z.string().max(20).optional() }),
    },
    handler: async (request, reply) => {
      const found = await findContactConfirmation(ctx.db, request.params.token);
      const locale = localeOf(request.query.lang, found?.programLocale ?? "pt-BR");
      const view = found
        ? { ...found, state: found.decision === "pending" ? ("ask" as const) : found.decision }
        : { state: "unknown" as const };
      return reply
        .status(found ? 200 : 404)
        .type("text/html; charset=utf-8")
        .header("referrer-policy", "no-referrer")
        .send(renderConsentPage(view, locale));
    },
  });

  // POST /c/:token – the referred contact confirms or objects
  r.post("/c/:token", {
    config: { access: access.public, rateLimit: { max: 20, timeWindow: "1 minute" } },
    schema: {
      hide: true,
      params: ZTokenParams,
      querystring: z.object({ lang: z.string().max(20).optional() }),
      body: z.object({ decision: z.enum(["confirmed", "objected"]) }),
    },
    handler: async (request, reply) => {
      const found = await findContactConfirmation(ctx.db, request.params.token);
      const locale = localeOf(request.query.lang, found?.programLocale ?? "pt-BR");
      const decision = await decideContactConfirmation(
        ctx,
        request.params.token,
        request.body.decision,
        clientInfo(request),
      );
      const view = found && decision ? { ...found, state: decision } : { state: "unknown" as const };
      return reply
        .status(found ? 200 : 404)
        .type("text/html; charset=utf-8")
        .send(renderConsentPage(view, locale));
    },
  });
}
