// One owner per table (ARCHITECTURE.md): imports of tables are checked by dependency-cruiser; this
// reads the raw SQL, which no import shows. A module's raw SQL writes only its own tables and reads
// another module's rows only through that module's read-model views, where ARCHITECTURE.md lists it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { layout, moduleOf, relationOwners, root, sourceFiles, sqlUses } from "./source-tree.js";

const owners = relationOwners();
const known = new Set(owners.keys());

function violations(file: string, text: string): string[] {
  const module = moduleOf(file);
  if (!module) return [];
  return sqlUses(text, known).flatMap(({ relation, kind }) => {
    const { owner, isView } = owners.get(relation)!;
    if (owner === module) return [];
    if (kind === "write") return [`${file} writes ${relation}, a table of ${owner}`];
    if (!isView)
      return [`${file} reads ${relation}, a table of ${owner}: use ${owner}'s functions or read model`];
    const users = layout.readModelUsers[owner] ?? [];
    return users.includes(file)
      ? []
      : [`${file} reads ${owner}'s read model ${relation} without being listed`];
  });
}

describe("table ownership in raw SQL", () => {
  it("knows every module's tables and read models", () => {
    expect(owners.get("participants")).toEqual({ owner: "participants", isView: false });
    expect(owners.get("tickets")).toEqual({ owner: "helpdesk", isView: false });
    expect(owners.get("participant_directory")).toEqual({ owner: "participants", isView: true });
  });

  it("flags a write to another module's table and a read of it, not prose or one's own tables", () => {
    const file = "src/modules/referrals/example.ts";
    const sql =
      "const a = `insert into participants (email) values ($1)`; const b = `select * from tickets t`;";
    expect(violations(file, sql)).toEqual([
      "src/modules/referrals/example.ts writes participants, a table of participants",
      "src/modules/referrals/example.ts reads tickets, a table of helpdesk: use helpdesk's functions or read model",
    ]);
    expect(
      violations(file, "// the tickets from participants\nconst c = `update referrals set x = 1`;"),
    ).toEqual([]);
    expect(violations(file, "`select 1 from participant_directory p`")).toEqual([
      "src/modules/referrals/example.ts reads participants's read model participant_directory without being listed",
    ]);
  });

  it("holds for every file of every module", () => {
    const found = sourceFiles("src/modules").flatMap((file) =>
      violations(file, readFileSync(path.join(root, file), "utf8")),
    );
    expect(found).toEqual([]);
  });
});
