import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityOf } from "../../src/api-docs.js";
import { routeDocs } from "../../src/route-docs.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

type Operation = { summary?: string; description?: string; security?: Record<string, string[]>[] };
type Property = { description?: string };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<string, { type: string; in: string; name: string }>;
    schemas: Record<string, { properties?: Record<string, Property> }>;
  };
};

// The resources DESIGN.md names (a referral, a ticket, a reward offer), as each side reads them.
const mainResources = [
  "AdminReferralSummary",
  "PortalReferral",
  "AdminTicket",
  "PortalTicket",
  "AdminOffer",
  "PortalOffer",
];

describe("the API's documentation", () => {
  let t: TestApp;
  let document: Document;
  beforeAll(async () => {
    t = await createTestApp();
    document = t.app.swagger() as unknown as Document;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );

  it("gives every route a summary and a description", () => {
    const undocumented = operations()
      .filter(({ operation }) => !operation.summary?.trim() || !operation.description?.trim())
      .map(({ route }) => route);
    expect(undocumented).toEqual([]);
    expect(operations().length).toBeGreaterThan(60);
  });

  it("documents no route that does not exist", () => {
    const routes = new Set(t.app.routePolicies.map((policy) => `${policy.method} ${policy.url}`));
    expect(Object.keys(routeDocs).filter((key) => !routes.has(key))).toEqual([]);
  });

  it("names the cookie sessions, the CSRF header and the inbound secret as security schemes", () => {
    expect(document.components.securitySchemes).toMatchObject({
      staffSession: { type: "apiKey", in: "cookie", name: "corrente_staff" },
      portalSession: { type: "apiKey", in: "cookie", name: "corrente_portal" },
      csrfToken: { type: "apiKey", in: "header", name: "x-csrf-token" },
      inboundSecret: { type: "apiKey", in: "header", name: "x-inbound-secret" },
    });
  });

  it("says for each route the credentials its access policy checks", () => {
    const byRoute = new Map(operations().map(({ route, operation }) => [route, operation.security]));
    for (const policy of t.app.routePolicies) {
      const route = `${policy.method} ${policy.url.replace(/:(\w+)/g, "{$1}")}`;
      if (!byRoute.has(route)) continue; // hidden from the document (pages, the docs themselves)
      expect(byRoute.get(route), route).toEqual(securityOf(policy.access, policy.method));
    }
    expect(byRoute.get("GET /api/admin/tickets")).toEqual([{ staffSession: [] }]);
    expect(byRoute.get("PATCH /api/admin/tickets/{id}")).toEqual([{ staffSession: [], csrfToken: [] }]);
    expect(byRoute.get("POST /api/portal/tickets")).toEqual([{ portalSession: [], csrfToken: [] }]);
    expect(byRoute.get("POST /api/inbound/email")).toEqual([{ inboundSecret: [] }]);
    expect(byRoute.get("POST /api/public/programs/{programSlug}/referrals")).toEqual([]);
  });

  it("describes every field of the main resources", () => {
    const missing = mainResources.flatMap((name) => {
      const properties = document.components.schemas[name]?.properties;
      expect(properties, name).toBeDefined();
      return Object.entries(properties ?? {})
        .filter(([, property]) => !property.description?.trim())
        .map(([field]) => `${name}.${field}`);
    });
    expect(missing).toEqual([]);
  });
});
