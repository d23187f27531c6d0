// The web app's API types (web/src/api/openapi.ts) are generated from the routes' schemas: when a route
// changes, `npm run api:types` must be run and the file committed with it.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TYPES_FILE, renderApiTypes } from "../../scripts/api-types.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("web API types", () => {
  it("match the server's OpenAPI document (run `npm run api:types` after changing a route)", async () => {
    const generated = await renderApiTypes(t.app);
    expect(generated === readFileSync(API_TYPES_FILE, "utf8"), "web/src/api/openapi.ts is stale").toBe(true);
  });

  it("describe every route's answers, with no untyped object", async () => {
    const document = t.app.swagger() as { paths: Record<string, Record<string, { responses?: object }>> };
    const undescribed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => !Object.keys(operation.responses ?? {}).some((code) => /^2/.test(code)))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undescribed).toEqual([]);
    // Only the error shape is open (an error may carry details beside its code, e.g. the allowed moves).
    const types = readFileSync(API_TYPES_FILE, "utf8");
    const openObjects = types.split("\n").filter((line) => line.includes("[key: string]: unknown"));
    expect(openObjects.length).toBe(types.match(/^ {8}Error(Input)?: \{/gm)?.length);
  });
});
