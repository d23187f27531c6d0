// package.json declares the Node.js versions Corrente runs on; every package the lock file installs must
// run on them too, or `npm ci` warns (EBADENGINE) and a newcomer on that Node cannot trust the install.
import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { root } from "./source-tree.js";

type Lock = { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };

describe("engines", () => {
  it("every installed package supports the Node.js versions package.json declares", () => {
    const declared = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).engines.node as string;
    const oldest = semver.minVersion(declared)!.version;
    const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as Lock;
    const unsupported = Object.entries(lock.packages).flatMap(([where, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return range && !semver.satisfies(oldest, range) ? [`${where}@${entry.version}: node ${range}`] : [];
    });
    expect(unsupported).toEqual([]);
  });
});
