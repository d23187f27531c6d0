// drizzle's migrator applies a migration only when its journal time is later than the last one applied:
// a migration generated or renumbered with an earlier time would be skipped on every database that is
// already up to date. The journal must name each SQL file once, in order, at increasing times.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./source-tree.js";

const folder = path.join(root, "src/db/migrations");
type Journal = { entries: { idx: number; when: number; tag: string }[] };

describe("migrations", () => {
  it("are journaled once each, in order, at strictly increasing times", () => {
    const journal = JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as Journal;
    const files = readdirSync(folder)
      .filter((name) => name.endsWith(".sql"))
      .sort();
    expect(journal.entries.map((entry) => `${entry.tag}.sql`)).toEqual(files);
    journal.entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      expect(entry.tag.startsWith(String(i).padStart(4, "0"))).toBe(true);
      if (i > 0) expect(entry.when, entry.tag).toBeGreaterThan(journal.entries[i - 1]!.when);
    });
  });
});
