// Builds the HTTP application: platform plugins first, then each module's routes.
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { helpdeskRoutes } from "./modules/helpdesk/index.js";
import { inboundEmailRoutes } from "./modules/inbound/index.js";
import { participantRoutes, resolveParticipantSession } from "./modules/participants/index.js";
import { materialRoutes, programRoutes } from "./modules/programs/index.js";
import { portalReferralRoutes, referralRoutes, salesBackOfficeRoutes } from "./modules/referrals/index.js";
import { registryRoutes } from "./modules/registries/index.js";
import { rewardRoutes } from "./modules/rewards/index.js";
import { resolveStaffSession, staffRoutes } from "./modules/staff/index.js";
import type { AppContext } from "./platform/context.js";
import { access } from "./platform/http/access.js";
import { registerAuthGuard } from "./platform/http/auth-guard.js";
import { registerErrorHandler } from "./platform/http/error-handler.js";
import type { RouteModule } from "./platform/http/route-module.js";
import { registerSecurityHeaders } from "./platform/http/security-headers.js";
import { stripNulFromBodies } from "./platform/http/strip-nul.js";
import { systemRoutes } from "./platform/http/system-routes.js";
import { registerWebApp } from "./platform/http/web-app-routes.js";

const routeModules: RouteModule[] = [
  systemRoutes,
  programRoutes,
  materialRoutes,
  staffRoutes,
  participantRoutes,
  referralRoutes,
  salesBackOfficeRoutes,
  portalReferralRoutes,
  rewardRoutes,
  registryRoutes,
  helpdeskRoutes,
  inboundEmailRoutes,
];

/** JSON bodies above this are refused with 413 before they are parsed. */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger,
    trustProxy: ctx.config.TRUST_PROXY,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    // Ids from the client are never trusted; each request gets its own for the logs.
    requestIdHeader: false,
  }) as unknown as FastifyInstance; // pino's Logger type is wider than Fastify's default; same object
  // JSON only: a text/plain body is what a cross-site HTML form can send, so it gets a 415.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  stripNulFromBodies(app);

  ctx.requestActivity?.track(app);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "https:"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: ctx.config.appUrl.startsWith("https:") ? [] : null,
      },
    },
    strictTransportSecurity: ctx.config.appUrl.startsWith("https:"),
  });
  await app.register(fastifyCookie);
  // Limits are declared per route (sign-ins, submissions); the store is per process (see README).
  await app.register(fastifyRateLimit, { global: false });
  registerAuthGuard(app, {
    secret: ctx.secret,
    isProduction: ctx.config.isProduction,
    resolvers: {
      staff: (token) => resolveStaffSession(ctx.db, token),
      participant: (token) => resolveParticipantSession(ctx.db, token),
    },
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Corrente API",
        version: "1.0.0",
        description: "Referral programs with a helpdesk for referrers.",
      },
      servers: [{ url: ctx.config.appUrl }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  // GET /api/openapi.json – the generated OpenAPI document
  app.get("/api/openapi.json", { config: { access: access.public }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  for (const routes of routeModules) routes(app, ctx);
  await registerWebApp(app);
  return app;
}
