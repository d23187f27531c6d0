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

type GuardOptions = { resolvers: SessionResolvers; secret: string; isProduction: boolean };

/** A CSRF token bound to the session: an attacker's page cannot read it, so cannot forge a write. */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return hmac(secret, `csrf:${sessionId}`).toString("base64url");
}

/** One row per route and method: what the authorization tests enumerate. */
export type RoutePolicy = { method: string; url: string; access: Access };

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
    for (const method of [route.method].flat()) policies.push({ method, url: route.url, access: declared });
    const guard = (request: FastifyRequest, reply: FastifyReply) =>
      enforceAccess(declared, request, reply, options);
    // Before validation: a caller without access learns nothing about what a valid request looks like.
    const existing = route.preValidation;
    route.preValidation = [guard, ...(existing ? (Array.isArray(existing) ? existing : [existing]) : [])];
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
    case "development":
      if (options.isProduction) throw new NotFound("route_not_found", "Not found.");
      return;
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
