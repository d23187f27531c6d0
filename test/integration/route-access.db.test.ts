import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAuthGuard } from "../../src/platform/http/auth-guard.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

describe("every route declares who may call it", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("a route without an access policy stops the server from starting", () => {
    const app = Fastify();
    registerAuthGuard(app, {
      secret: "s",
      developmentRoutes: "anyone",
      resolvers: { staff: async () => null, participant: async () => null },
    });
    expect(() => app.get("/api/forgotten", async () => ({}))).toThrow(/declares no access policy/);
  });

  it("the route table lists the contract's routes with their policies", () => {
    const byRoute = new Map(t.app.routePolicies.map((p) => [`${p.method} ${p.url}`, p.access.kind]));
    expect(byRoute.get("POST /api/admin/login")).toBe("public");
    // The session checks answer everyone: `{"user":null}` / `{"participant":null}` to nobody.
    expect(byRoute.get("GET /api/admin/session")).toBe("public");
    expect(byRoute.get("GET /api/portal/session")).toBe("public");
    expect(byRoute.get("GET /api/admin/staff")).toBe("staff");
    expect(byRoute.get("GET /api/dev/mailbox")).toBe("development");
  });

  it("anonymous callers get 401 from every staff and referrer route", async () => {
    // Enumerated from the server's own route table: a new guarded route is covered without editing this.
    const guarded = t.app.routePolicies.filter(
      (p) => p.access.kind === "staff" || p.access.kind === "participant",
    );
    expect(guarded.length).toBeGreaterThanOrEqual(4);
    for (const route of guarded) {
      const url = route.url.replace(/:(\w+)/g, "00000000-0000-4000-8000-000000000000");
      const response = await t.app.inject({
        method: route.method as "GET",
        url,
        ...(route.method === "GET" || route.method === "HEAD" ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      if (route.method !== "HEAD") expect(response.json().error.code).toBe("unauthenticated");
    }
  });

  it("a referrer's session opens no staff route", async () => {
    const staffRoutes = t.app.routePolicies.filter((p) => p.access.kind === "staff" && p.method === "GET");
    for (const route of staffRoutes) {
      const response = await t.app.inject({
        method: "GET",
        url: route.url,
        headers: { cookie: "corrente_portal=whatever" },
      });
      expect(response.statusCode, route.url).toBe(401);
    }
  });
});
