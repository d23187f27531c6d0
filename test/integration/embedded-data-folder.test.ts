// The embedded database is one process's (PGlite): a CLI command run beside a running server must refuse
// with a clear message rather than write to a copy that is lost, and work once the server is stopped.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataDir } from "../../src/platform/db/data-dir-lock.js";
import { startServerProcess } from "../support/server-process.js";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "corrente-datadir-"));
  dirs.push(dir);
  return dir;
}

/** `corrente …` from source on `dataDir`: its exit code and what it printed. */
async function cli(dataDir: string, args: string[]) {
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  };
  const result = await run(process.execPath, ["--import", "tsx", path.join(root, "src/main.ts"), ...args], {
    cwd: root,
    env,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
  return result;
}

const colleague = [
  "create-staff",
  "--organization",
  "demo",
  "--email",
  "colega@example.com",
  "--name",
  "Colega",
  "--role",
  "sales",
  "--password",
  "a-long-enough-password",
];

describe("the embedded data folder", () => {
  it("refuses CLI writes beside a running server, naming it, and takes them once it stops", async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ dataDir });
    const csv = path.join(dataDir, "customers.csv");
    writeFileSync(csv, "cnpj;nome;status\n11222333000181;Acme;ativo\n");
    try {
      for (const args of [colleague, ["import", "customers", csv]]) {
        const refused = await cli(dataDir, args);
        expect(refused.code, refused.output).toBe(1);
        expect(refused.output).toContain(`in use by another process (pid ${server.child.pid}`);
        expect(refused.output).not.toMatch(/\n\s+at /); // one clear line, no stack trace
      }
    } finally {
      await server.stop();
    }
    const created = await cli(dataDir, colleague);
    expect(created.code, created.output).toBe(0);
    const again = await startServerProcess({ dataDir });
    try {
      const signIn = await fetch(`${again.url}/api/admin/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "colega@example.com", password: "a-long-enough-password" }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      await again.stop();
    }
  }, 120_000);

  it("takes over a lock left by a process that died", () => {
    const dataDir = tempDir();
    const gone = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    writeFileSync(
      path.join(dataDir, "corrente.lock"),
      JSON.stringify({ pid: gone, host: hostname(), command: "serve", startedAt: "x" }),
    );
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(path.join(dataDir, "corrente.lock"), "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(path.join(dataDir, "corrente.lock"))).toBe(false);
  });
});
