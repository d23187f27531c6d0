import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JSON_BODY_LIMIT_BYTES } from "../../src/app.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

describe("the HTTP contract's error handling", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const expectErrorShape = (body: string, code: string) => {
    const parsed = JSON.parse(body);
    expect(parsed.error.code).toBe(code);
    expect(typeof parsed.error.message).toBe("string");
  };

  it("answers the whole error body in the caller's language, the codes and field names as they are", async () => {
    const signIn = (language: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/admin/login",
        headers: { "accept-language": language },
        payload: { email: "not-an-email" },
      });
    expect((await signIn("en-US,en;q=0.9")).json()).toEqual({
      error: {
        code: "validation_failed",
        message: "Some fields are invalid.",
        fields: { email: ["This e-mail is not valid."], password: ["Invalid value."] },
      },
    });
    expect((await signIn("pt-BR,pt;q=0.9,en;q=0.8")).json()).toEqual({
      error: {
        code: "validation_failed",
        message: "Alguns campos estão inválidos.",
        fields: { email: ["E-mail inválido."], password: ["Valor inválido."] },
      },
    });
    // A language we do not speak falls to the next one the caller accepts, else to pt-BR.
    const unknownRoute = (language: string) =>
      t.app.inject({ method: "GET", url: "/api/nowhere", headers: { "accept-language": language } });
    expect((await unknownRoute("fr-FR, en;q=0.5")).json().error).toEqual({
      code: "route_not_found",
      message: "There is no such address.",
    });
    expect((await unknownRoute("fr-FR")).json().error.message).toBe("Este endereço não existe.");
  });

  it("malformed JSON is a 400 with the error shape", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/login",
      headers: { "content-type": "application/json" },
      payload: '{"email": "a@b.c", ',
    });
    expect(response.statusCode).toBe(400);
    expectErrorShape(response.body, "malformed_json");
  });

  it("an oversized body is a 413 before it is parsed", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/portal/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ programSlug: "x", email: "a".repeat(JSON_BODY_LIMIT_BYTES) }),
    });
    expect(response.statusCode).toBe(413);
    expectErrorShape(response.body, "body_too_large");
  });

  it("a body that is not JSON is a 415", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/login",
      headers: { "content-type": "text/plain" },
      payload: "email=a",
    });
    expect(response.statusCode).toBe(415);
    expectErrorShape(response.body, "unsupported_media_type");
  });

  it.each([
    [{ email: 42, password: [] }],
    [{ email: "a@b.co", password: "x".repeat(5000) }],
    [{ email: "a@b.co", password: "x", __proto__: { isAdmin: true } }],
    [[]],
    ["just a string"],
  ])("wrong types are a 422 with field errors, never a 5xx: %o", async (payload) => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/login",
      payload: payload as object,
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(JSON.parse(response.body).error.code).toMatch(
      /validation_failed|invalid_credentials|malformed_json|unsupported_media_type/,
    );
  });

  it("an unknown API route is a 404 with the error shape", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expectErrorShape(response.body, "route_not_found");
  });

  it("sends security headers", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("serves the OpenAPI document with the contract's routes", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/admin/login",
        "/api/portal/login",
        "/api/public/programs/{programSlug}",
        "/healthz",
      ]),
    );
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
  });

  it("the development mailbox exists outside production only", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/dev/mailbox" })).statusCode).toBe(200);
  });
});
