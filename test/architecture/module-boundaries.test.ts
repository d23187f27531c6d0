// The module rules of ARCHITECTURE.md, as dependency-cruiser enforces them (.dependency-cruiser.cjs):
// first on small trees that break one rule each (so a rule that stops working fails here), then on
// the real tree, which must break none.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "./source-tree.js";

const run = promisify(execFile);
const depcruise = path.join(root, "node_modules/.bin/depcruise");
const config = path.join(root, ".dependency-cruiser.cjs");

type Violation = { rule: { name: string }; from: string; to: string };

/** Runs dependency-cruiser in `cwd` on `dirs`; the rules' paths are relative to it. */
async function violationsIn(cwd: string, dirs: string[]): Promise<Violation[]> {
  const { stdout } = await run(depcruise, [...dirs, "--config", config, "--output-type", "json"], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  return JSON.parse(stdout).summary.violations;
}

const fixtures: string[] = [];

/** A throwaway tree of files (path → source), with the paths tsconfig the configuration names. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "corrente-deps-"));
  fixtures.push(dir);
  const all: Record<string, string> = {
    "tsconfig.deps.json": JSON.stringify({
      compilerOptions: { baseUrl: ".", paths: { "@shared/*": ["src/shared/*"] } },
    }),
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

afterAll(() => {
  for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
});

const cases: [string, Record<string, string>, string][] = [
  [
    "a module imports one ranked above it",
    {
      "src/modules/programs/a.ts": 'import { b } from "../rewards/index.js";\nexport const a = b;',
      "src/modules/rewards/index.ts": "export const b = 1;",
    },
    "module-order-programs",
  ],
  [
    "a module imports another's internals",
    {
      "src/modules/helpdesk/a.ts": 'import { b } from "../referrals/lifecycle.js";\nexport const a = b;',
      "src/modules/referrals/lifecycle.ts": "export const b = 1;",
    },
    "module-public-entry",
  ],
  [
    "a module imports another's tables",
    {
      "src/modules/referrals/a.ts": 'import { t } from "../participants/schema.js";\nexport const a = t;',
      "src/modules/participants/schema.ts": "export const t = 1;",
    },
    "tables-stay-with-their-owner",
  ],
  [
    "a module's entry re-exports its tables",
    {
      "src/modules/staff/index.ts": 'export { t } from "./schema.js";',
      "src/modules/staff/schema.ts": "export const t = 1;",
    },
    "entry-exports-no-tables",
  ],
  [
    "a module's entry exports its routes",
    {
      "src/modules/staff/index.ts": 'export { r } from "./routes.js";',
      "src/modules/staff/routes.ts": "export const r = 1;",
    },
    "entry-exports-no-routes",
  ],
  [
    "an unlisted file joins a read model",
    {
      "src/modules/helpdesk/a.ts": 'import { v } from "../participants/read-models.js";\nexport const a = v;',
      "src/modules/participants/read-models.ts": "export const v = 1;",
    },
    "read-models-of-participants-where-listed",
  ],
  [
    "a module imports an observer",
    {
      "src/modules/helpdesk/a.ts": 'import { w } from "../integrations/index.js";\nexport const a = w;',
      "src/modules/integrations/index.ts": "export const w = 1;",
    },
    "observers-imported-by-nobody",
  ],
  [
    "the platform imports a module",
    {
      "src/platform/a.ts": 'import { b } from "../modules/staff/index.js";\nexport const a = b;',
      "src/modules/staff/index.ts": "export const b = 1;",
    },
    "platform-is-domain-free",
  ],
  [
    "shared code imports Node",
    { "src/shared/a.ts": 'import { readFileSync } from "node:fs";\nexport const a = readFileSync;' },
    "shared-runs-on-both-sides",
  ],
  [
    "the web app imports a server module",
    {
      "web/src/a.ts": 'import { b } from "../../src/modules/staff/index.js";\nexport const a = b;',
      "src/modules/staff/index.ts": "export const b = 1;",
    },
    "web-imports-only-shared",
  ],
  [
    "the portal imports the staff app",
    {
      "web/src/portal/a.ts": 'import { b } from "../admin/b";\nexport const a = b;',
      "web/src/admin/b.ts": "export const b = 1;",
    },
    "portal-never-imports-admin",
  ],
  [
    "two files import each other",
    {
      "src/modules/staff/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;',
      "src/modules/staff/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;',
    },
    "no-circular",
  ],
];

describe("module boundaries", () => {
  it.each(cases)("refuses a tree where %s", async (_case, files, rule) => {
    const dirs = [...new Set(Object.keys(files).map((file) => file.split("/")[0]!))];
    const found = await violationsIn(tree(files), dirs);
    expect(found.map((violation) => violation.rule.name)).toContain(rule);
  });

  it("accepts a tree that follows the rules", async () => {
    const dir = tree({
      "src/modules/rewards/a.ts": 'import { b } from "../programs/index.js";\nexport const a = b;',
      "src/modules/programs/index.ts": 'export type { T } from "./schema.js";\nexport const b = 1;',
      "src/modules/programs/schema.ts": "export type T = number;",
      "src/modules/rewards/schema.ts": 'import { t } from "../programs/schema.js";\nexport const u = t;',
      "web/src/a.ts": 'import { c } from "@shared/c";\nexport const a = c;',
      "src/shared/c.ts": "export const c = 1;",
    });
    expect(await violationsIn(dir, ["src", "web"])).toEqual([]);
  });

  it("holds for the whole tree, server and web app", { timeout: 60_000 }, async () => {
    const found = await violationsIn(root, ["src", "web/src"]);
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });
});
