// Cross-module effects are hooks connected in app.ts (ARCHITECTURE.md): every process starts from
// createAppContext, so a worker or a CLI command reacts like a web process, and every event a module
// announces has its reactions connected.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { root, sourceFiles, withoutComments } from "./source-tree.js";

const codeOf = (file: string) => withoutComments(readFileSync(path.join(root, file), "utf8"));
const everywhere = ["src", "bench", "scripts", "test/support"].flatMap(sourceFiles);

describe("module composition", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("builds every process's context through createAppContext, which connects the hooks", () => {
    const callers = everywhere.filter((file) => /(?<!function )\bcreateContext\(/.test(codeOf(file)));
    expect(callers).toEqual(["src/app.ts"]);
  });

  it("gives handlers their principal through staffRoute/participantRoute, never request.staff or request.participant", () => {
    const readers = sourceFiles("src/modules").filter((file) =>
      /\brequest\.(staff|participant)\b/.test(codeOf(file)),
    );
    expect(readers).toEqual([]);
  });

  it("connects a reaction to every event a module announces", () => {
    const announced = new Set(
      sourceFiles("src/modules").flatMap((file) =>
        [...codeOf(file).matchAll(/\.announce\(\s*\w+,\s*"([a-z]+\.[a-zA-Z]+)"/g)].map((match) => match[1]!),
      ),
    );
    expect(announced.size).toBeGreaterThan(0);
    expect([...announced].filter((event) => !t.ctx.hooks.connected().includes(event as never))).toEqual([]);
  });
});
