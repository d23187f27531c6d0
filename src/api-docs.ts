// What /api/docs tells a developer about each route: a summary and a description (kept here, beside
// the composition, so a route's file stays about its behaviour; a route may still declare its own),
// and which credentials it takes, derived from the access it declares (src/platform/http/access.ts),
// so the documented security is the enforced one. test/integration/api-docs.db.test.ts keeps every
// route documented and no entry stale.
import type { Access } from "./platform/http/access.js";
import { PORTAL_COOKIE, STAFF_COOKIE } from "./platform/http/access.js";
import { CSRF_HEADER } from "./platform/http/auth-guard.js";
import { routeDocs } from "./route-docs.js";

export const securitySchemes = {
  staffSession: {
    type: "apiKey",
    in: "cookie",
    name: STAFF_COOKIE,
    description: "A staff session, set by POST /api/admin/login (httpOnly, SameSite=Lax).",
  },
  portalSession: {
    type: "apiKey",
    in: "cookie",
    name: PORTAL_COOKIE,
    description:
      "A referrer session, set by following an e-mailed sign-in link (/portal/auth/{token}) and confirming on its page.",
  },
  csrfToken: {
    type: "apiKey",
    in: "header",
    name: CSRF_HEADER,
    description:
      "Every cookie-authenticated write (POST, PUT, PATCH, DELETE) echoes the session's CSRF token, " +
      "as GET /api/admin/session or /api/portal/session hands it out.",
  },
  inboundSecret: {
    type: "apiKey",
    in: "header",
    name: "x-inbound-secret",
    description: "The shared secret (INBOUND_SECRET) the mail provider sends with each raw message.",
  },
} as const;

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The OpenAPI security requirement of a route with `access`: what the guard will check. */
export function securityOf(access: Access | undefined, method: string): Record<string, string[]>[] {
  const withCsrf = (session: string) =>
    WRITES.has(method) ? [{ [session]: [], csrfToken: [] }] : [{ [session]: [] }];
  switch (access?.kind) {
    case "staff":
      return withCsrf("staffSession");
    case "participant":
      return withCsrf("portalSession");
    case "secret":
      return [{ inboundSecret: [] }];
    default:
      return [];
  }
}

type RouteForDocs = { method: string | string[]; url: string; config?: { access?: Access } };
type Schema = { summary?: string; description?: string; security: Record<string, string[]>[] };

/** The route's schema with its summary, description and security filled in for the document. */
export function documentedSchema(schema: object | undefined, route: RouteForDocs): Schema {
  const method = [route.method].flat()[0] ?? "GET";
  const docs = routeDocs[`${method} ${route.url}`];
  const own = schema as { summary?: string; description?: string } | undefined;
  return {
    ...schema,
    summary: own?.summary ?? docs?.summary,
    description: own?.description ?? docs?.description,
    security: securityOf(route.config?.access, method),
  };
}
