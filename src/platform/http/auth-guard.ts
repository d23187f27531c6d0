import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hmac, safeEqual } from "../crypto/tokens.js";
import {
  type Access,
  type ParticipantPrincipal,
  PORTAL_COOKIE,
  type SessionResolvers,
  STAFF_COOKIE,
  type StaffPrincipal,
} from "./access.js";
import { Forbidden, NotFound, Unauthenticated } from "./errors.js";

declare module "fastify" {
  interface FastifyInstance {
    routePolicies: RoutePolicy[];
  }
}

// Routes added by plugins we do not write (API docs, built web assets) are public by nature.
const pluginRoutePrefixes = ["/api/docs", "/assets/"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const CSRF_HEADER = "x-csrf-token";

/**
 * Who may open the development routes (the embedded mailbox, which lists every sign-in link): anyone
 * while the server listens on loopback only, signed-in staff otherwise, nobody in production.
 */
export type DevelopmentAudience = "anyone" | "staff" | "nobody";

/** Loopback only: 127.0.0.0/8, ::1, localhost. `0.0.0.0` and `::` listen everywhere. */
export function isLoopbackHost(host: string): boolean {
  const plain = host.replace(/^\[|\]$/g, "").toLowerCase();
  return plain === "localhost" || plain === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

export function developmentAudience(options: {
  isProduction: boolean;
  host: string;
  behindProxy: boolean;
}): DevelopmentAudience {
  if (options.isProduction) return "nobody";
  // Behind a proxy on the same machine, loopback peers are everyone the proxy lets in.
  return isLoopbackHost(options.host) && !options.behindProxy ? "anyone" : "staff";
}

type GuardOptions = {
  resolvers: SessionResolvers;
  secret: string;
  developmentRoutes: DevelopmentAudience;
};

/** A CSRF token bound to the session: an attacker's page cannot read it, so cannot forge a write. */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return hmac(secret, `csrf:${sessionId}`).toString("base64url");
}

/**
 * One row per route and method: what the authorization and hostile-input tests enumerate. `params`
 * and `query` name the parameters the route's schemas declare (undefined: no schema).
 */
export type RoutePolicy = {
  method: string;
  url: string;
  access: Access;
  params?: string[];
  query?: string[];
};

/** The keys of a zod object schema (or a JSON Schema object), as far as they can be read. */
function schemaKeys(schema: unknown): string[] | undefined {
  if (!schema || typeof schema !== "object") return undefined;
  const { shape, properties } = schema as { shape?: object; properties?: object };
  return Object.keys(shape ?? properties ?? {});
}

export function registerAuthGuard(app: FastifyInstance, options: GuardOptions) {
  const policies: RoutePolicy[] = [];
  app.decorate("routePolicies", policies);
  app.decorateRequest("staff", undefined);
  app.decorateRequest("participant", undefined);

  app.addHook("onRoute", (route) => {
    const declared = route.config?.access;
    if (!declared) {
      if (pluginRoutePrefixes.some((prefix) => route.url.startsWith(prefix))) {
        route.config = { ...route.config, access: { kind: "public" } };
        return;
      }
      throw new Error(`Route ${route.method} ${route.url} declares no access policy (config.access).`);
    }
    const inputs = {
      params: schemaKeys(route.schema?.params),
      query: schemaKeys(route.schema?.querystring),
    };
    for (const method of [route.method].flat()) {
      policies.push({ method, url: route.url, access: declared, ...inputs });
    }
    const guard = (request: FastifyRequest, reply: FastifyReply) =>
      enforceAccess(declared, request, reply, options);
    // As the request arrives, before its body is read (issue 16.9: a slow or huge body to a route the
    // caller may not use costs nothing) and before validation (a caller without access learns nothing
    // about what a valid request looks like). After the route's own arrival checks (rate limits).
    const existing = route.onRequest;
    route.onRequest = [...(existing ? (Array.isArray(existing) ? existing : [existing]) : []), guard];
  });
  // An answer given before the body was read (a refusal) closes the connection: reading the rest only
  // to find where the next request starts is what a slow or huge body wants from us.
  app.addHook("onSend", async (request, reply) => {
    if (request.raw.complete === false) reply.header("connection", "close");
  });
}

async function enforceAccess(
  access: Access,
  request: FastifyRequest,
  _reply: FastifyReply,
  options: GuardOptions,
) {
  switch (access.kind) {
    case "public":
      return;
    case "development": {
      // Answered like an address that does not exist, so nobody learns it is there.
      const hidden = () => new NotFound("route_not_found", "Not found.");
      if (options.developmentRoutes === "anyone") return;
      if (options.developmentRoutes === "nobody") throw hidden();
      const staff = await resolveStaff(request, options);
      if (!staff) throw hidden();
      request.staff = staff;
      return;
    }
    case "secret": {
      const given = request.headers[access.header.toLowerCase()];
      if (typeof given !== "string" || given === "")
        throw new Unauthenticated("secret_missing", "Missing credentials.");
      return; // the route compares the value itself: only it knows the configured secret
    }
    case "staff": {
      const staff = await resolveStaff(request, options);
      if (!staff) throw new Unauthenticated();
      if (!access.roles.includes(staff.role))
        throw new Forbidden("role_forbidden", "Your role may not do this.");
      request.staff = staff;
      checkCsrf(request, staff.sessionId, options.secret);
      return;
    }
    case "participant": {
      const participant = await resolveParticipant(request, options);
      if (!participant) throw new Unauthenticated();
      request.participant = participant;
      checkCsrf(request, participant.sessionId, options.secret);
      return;
    }
  }
}

export async function resolveStaff(
  request: FastifyRequest,
  options: GuardOptions,
): Promise<StaffPrincipal | null> {
  const token = request.cookies[STAFF_COOKIE];
  return token ? options.resolvers.staff(token) : null;
}

async function resolveParticipant(
  request: FastifyRequest,
  options: GuardOptions,
): Promise<ParticipantPrincipal | null> {
  const token = request.cookies[PORTAL_COOKIE];
  return token ? options.resolvers.participant(token) : null;
}

function checkCsrf(request: FastifyRequest, sessionId: string, secret: string) {
  if (SAFE_METHODS.has(request.method)) return;
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== "string" || !safeEqual(given, csrfTokenFor(secret, sessionId))) {
    throw new Forbidden("csrf_failed", "Missing or wrong CSRF token; reload the page and try again.");
  }
}
