// The source tree as the architecture tests read it: each module's files, its tables and views, and
// source text without comments (so prose such as "from the portal" is not read as SQL).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

type Layout = { modules: string[]; observers: string[]; readModelUsers: Record<string, string[]> };
/** The module order and read-model users, from the dependency-cruiser configuration. */
export const layout: Layout = createRequire(import.meta.url)(
  path.join(root, ".dependency-cruiser.cjs"),
).layout;

export function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const relative = path.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) found.push(...sourceFiles(relative));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) found.push(relative);
  }
  return found;
}

export const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;

/** SQL names of each module's tables (schema.ts) and read-model views (read-models.ts). */
export function relationOwners(): Map<string, { owner: string; isView: boolean }> {
  const owners = new Map<string, { owner: string; isView: boolean }>();
  for (const file of sourceFiles("src/modules")) {
    const owner = moduleOf(file)!;
    const text = readFileSync(path.join(root, file), "utf8");
    for (const [, name] of text.matchAll(/pgTable\(\s*"([a-z_]+)"/g))
      owners.set(name!, { owner, isView: false });
    for (const [, name] of text.matchAll(/pgView\(\s*"([a-z_]+)"/g))
      owners.set(name!, { owner, isView: true });
  }
  return owners;
}

/** The text with its line and block comments blanked out; strings and template literals kept. */
export function withoutComments(text: string): string {
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      out += char;
      if (char === "\\") out += text[++i] ?? "";
      else if (char === quote) quote = null;
    } else if (char === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (char === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
      out += " ";
    } else {
      if (char === '"' || char === "'" || char === "`") quote = char;
      out += char;
    }
  }
  return out;
}

export type SqlUse = { relation: string; kind: "write" | "read" };

/** Relations a text names in raw SQL: written (insert into, update, delete from) or read (from, join). */
export function sqlUses(text: string, known: Set<string>): SqlUse[] {
  const uses: SqlUse[] = [];
  const pattern = /\b(insert\s+into|update|delete\s+from|from|join)\s+"?([a-z_]+)"?/gi;
  for (const [, keyword, name] of withoutComments(text).matchAll(pattern)) {
    if (!known.has(name!)) continue;
    const isWrite = /^(insert|update|delete)/i.test(keyword!);
    uses.push({ relation: name!, kind: isWrite ? "write" : "read" });
  }
  return uses;
}
