// Composition (ARCHITECTURE.md): the process's context with the modules connected by their hooks, and
// the HTTP application (platform plugins first, then each module's routes).
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { documentedSchema, securitySchemes } from "./api-docs.js";
import type { Config } from "./config.js";
import { agentTicketRoutes } from "./modules/helpdesk/admin-routes.js";
import { closeParticipantTickets } from "./modules/helpdesk/index.js";
import { portalTicketRoutes } from "./modules/helpdesk/portal-routes.js";
import { helpdeskSettingsRoutes } from "./modules/helpdesk/settings-routes.js";
import { inboundAdminRoutes } from "./modules/inbound/admin-routes.js";
import { inboundRoutes } from "./modules/inbound/inbound-routes.js";
import { suppressionRoutes } from "./modules/inbound/suppression-routes.js";
import { resolveParticipantSession } from "./modules/participants/index.js";
import { participantRoutes } from "./modules/participants/routes.js";
import { materialRoutes } from "./modules/programs/material-routes.js";
import { programRoutes } from "./modules/programs/routes.js";
import { salesBackOfficeRoutes } from "./modules/referrals/back-office/admin-routes.js";
import { publicProgramRoutes } from "./modules/referrals/landing/public-program-routes.js";
import { portalReferralRoutes } from "./modules/referrals/portal-routes.js";
import { referralRoutes } from "./modules/referrals/routes.js";
import { registryRoutes } from "./modules/registries/routes.js";
import { offerRewardForSale } from "./modules/rewards/index.js";
import { rewardRoutes } from "./modules/rewards/routes.js";
import { resolveStaffSession } from "./modules/staff/index.js";
import { staffRoutes } from "./modules/staff/routes.js";
import { type AppContext, type ContextOptions, createContext } from "./platform/context.js";
import { access } from "./platform/http/access.js";
import { developmentAudience, registerAuthGuard } from "./platform/http/auth-guard.js";
import { answerClientError } from "./platform/http/client-errors.js";
import { capConnectionsPerAddress } from "./platform/http/connection-cap.js";
import { answerFrameworkError, registerErrorHandler } from "./platform/http/error-handler.js";
import { logRequestsByOutcome } from "./platform/http/request-log-level.js";
import type { RouteModule } from "./platform/http/route-module.js";
import { registerSecurityHeaders } from "./platform/http/security-headers.js";
import { refuseNulInUrls, stripNulFromBodies } from "./platform/http/strip-nul.js";
import { systemRoutes } from "./platform/http/system-routes.js";
import { fastifyTrustProxy, trustedPeerCheck } from "./platform/http/trusted-proxies.js";
import { registerWebApp } from "./platform/http/web-app-routes.js";
import { sharedRateLimitStore } from "./platform/rate-limits/shared-store.js";

const routeModules: RouteModule[] = [
  systemRoutes,
  programRoutes,
  materialRoutes,
  staffRoutes,
  participantRoutes,
  registryRoutes,
  rewardRoutes,
  referralRoutes,
  publicProgramRoutes,
  salesBackOfficeRoutes,
  portalReferralRoutes,
  portalTicketRoutes,
  agentTicketRoutes,
  helpdeskSettingsRoutes,
  inboundRoutes,
  inboundAdminRoutes,
  suppressionRoutes,
];

/**
 * Who reacts to whose events (ARCHITECTURE.md "Cross-module effects are hooks"). Each reaction runs in
 * the announcing use case's transaction.
 */
export function connectModules(ctx: AppContext): void {
  // Seed: tickets of a referrer who leaves the program are closed ("deixarem seu programa").
  ctx.hooks.on("participant.left", (tx, left) => closeParticipantTickets(tx, left.participantId));
  // Policy: one reward per confirmed sale, none for an upgrade.
  ctx.hooks.on("referral.saleConfirmed", async (tx, sale) => {
    await offerRewardForSale(ctx, tx, sale);
  });
}

/** Every process (web, worker, CLI, tests) starts here, so a job or a command has a request's effects. */
export async function createAppContext(config: Config, options: ContextOptions): Promise<AppContext> {
  const ctx = await createContext(config, options);
  connectModules(ctx);
  return ctx;
}

/** JSON bodies above this are refused with 413 before they are parsed. */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const config = ctx.config;
  const app = Fastify({
    loggerInstance: ctx.logger,
    // A hop count or the proxies' addresses: never the client's own left-most X-Forwarded-For entry.
    trustProxy: fastifyTrustProxy(config.TRUST_PROXY),
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    // Slow clients are cut (issue 16.9): headers, then the whole request, must arrive in time, and an
    // idle kept-alive connection closes. Node checks the deadlines on this interval.
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    http: {
      headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(1000, Math.ceil(config.HTTP_HEADERS_TIMEOUT_MS / 2)),
    },
    // What Node refuses before routing (malformed request, timeout) still answers in the error shape.
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    // Ids from the client are never trusted; each request gets its own for the logs.
    requestIdHeader: false,
    // One line per request instead, its level by outcome (src/platform/http/request-log-level.ts).
    logController: new LogController({ disableRequestLogging: true }),
  }) as unknown as FastifyInstance; // pino's Logger type is wider than Fastify's default; same object
  // JSON only: a text/plain body is what a cross-site HTML form can send, so it gets a 415.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  capConnectionsPerAddress(app.server, {
    maxPerAddress: config.HTTP_MAX_CONNECTIONS_PER_ADDRESS,
    isExempt: trustedPeerCheck(config.TRUST_PROXY),
    onRefused: (address) => app.log.warn({ address }, "connection refused: too many from one address"),
  });
  registerErrorHandler(app);
  logRequestsByOutcome(app);
  refuseNulInUrls(app);
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
  // Answers above 1 KB leave compressed when the client accepts it (brotli or gzip); built assets are
  // precompressed and sent as they are. Request bodies are never inflated: their limits stay exact.
  await app.register(fastifyCompress, { threshold: 1024, globalDecompression: false });
  // Limits are declared per route (sign-ins, submissions); their counters are in the database, so
  // every web process shares them (src/platform/rate-limits).
  await app.register(fastifyRateLimit, {
    global: false,
    store: sharedRateLimitStore(ctx.db, ctx.secret, ctx.logger),
  });
  registerAuthGuard(app, {
    secret: ctx.secret,
    developmentRoutes: developmentAudience({
      isProduction: config.isProduction,
      host: config.HOST,
      behindProxy: config.TRUST_PROXY !== false,
    }),
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
      components: { securitySchemes },
    },
    // Each route's summary, description and credentials (src/api-docs.ts), then zod to JSON Schema.
    transform: (input) =>
      jsonSchemaTransform({
        ...input,
        schema: documentedSchema(input.schema, input.route) as typeof input.schema,
      }),
    // Schemas with a registered id (`.meta({ id })`) become named components the routes refer to.
    transformObject: jsonSchemaTransformObject,
  });
  // Swagger UI sets styles from its script: its page allows inline styles, and nothing else foreign.
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: {
      "default-src": ["'self'"],
      "base-uri": ["'self'"],
      "font-src": ["'self'", "data:"],
      "img-src": ["'self'", "data:"],
      "object-src": ["'none'"],
      "script-src": ["'self'"],
      "script-src-attr": ["'none'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "connect-src": ["'self'"],
      "frame-ancestors": ["'none'"],
      "form-action": ["'self'"],
    },
  });
  // GET /api/openapi.json – the generated OpenAPI document
  app.get("/api/openapi.json", { config: { access: access.public }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  for (const routes of routeModules) routes(app, ctx);
  await registerWebApp(app);
  return app;
}
