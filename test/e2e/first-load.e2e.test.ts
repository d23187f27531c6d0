// What a browser downloads on its first visit: the built assets precompressed (brotli or gzip, as the
// request accepts), cached for good since their names change with their content, the page itself
// always revalidated, and JSON answers compressed above 1 KB.
import { get } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerProcess(), launchBrowser()]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** The bytes as they travel (fetch would inflate them). */
function rawGet(path: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
    get(`${server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on("error", reject);
  });
}

async function assetPaths(): Promise<string[]> {
  const html = (await rawGet("/admin/login")).body.toString("utf8");
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
}

describe("the first load", () => {
  it("sends each built asset precompressed as the request accepts, immutable, varying on Accept-Encoding", async () => {
    const paths = await assetPaths();
    expect(paths.some((path) => path.endsWith(".js"))).toBe(true);
    expect(paths.some((path) => path.endsWith(".css"))).toBe(true);
    for (const path of paths) {
      const plain = await rawGet(path);
      const brotli = await rawGet(path, "gzip, deflate, br");
      const gzip = await rawGet(path, "gzip");
      expect(plain.headers["content-encoding"], path).toBeUndefined();
      expect(brotli.headers["content-encoding"], path).toBe("br");
      expect(gzip.headers["content-encoding"], path).toBe("gzip");
      expect(brotliDecompressSync(brotli.body).equals(plain.body), path).toBe(true);
      expect(gunzipSync(gzip.body).equals(plain.body), path).toBe(true);
      for (const response of [plain, brotli, gzip]) {
        expect(response.headers.vary, path).toMatch(/accept-encoding/i);
        expect(response.headers["cache-control"], path).toBe("public, max-age=31536000, immutable");
      }
    }
  });

  it("has every page revalidate index.html, so a release is seen at once", async () => {
    for (const path of ["/admin", "/portal/login", "/admin/referrals"]) {
      const page = await rawGet(path, "br");
      expect(page.status).toBe(200);
      expect(page.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("compresses JSON answers above 1 KB and leaves small ones as they are", async () => {
    const large = await rawGet("/api/public/programs/desk-manager", "gzip");
    expect(large.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(large.body).toString("utf8"))).toHaveProperty("program");
    const small = await rawGet("/healthz", "gzip");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(small.body.toString("utf8"))).toEqual({ status: "ok" });
  });

  it("a browser's first visit to the staff app and to the portal transfers under a third of what it unpacks", async () => {
    for (const path of ["/admin/login", "/portal/login?program=desk-manager"]) {
      const context = await browser.newContext({ locale: "pt-BR" });
      const page = await context.newPage();
      const sizes: Promise<{ transferred: number; unpacked: number }>[] = [];
      page.on("requestfinished", (request) => {
        sizes.push(
          (async () => {
            const response = await request.response();
            const unpacked = response ? (await response.body().catch(() => Buffer.alloc(0))).length : 0;
            return { transferred: (await request.sizes()).responseBodySize, unpacked };
          })(),
        );
      });
      await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
      const all = await Promise.all(sizes);
      const transferred = all.reduce((sum, size) => sum + size.transferred, 0);
      const unpacked = all.reduce((sum, size) => sum + size.unpacked, 0);
      expect(unpacked, path).toBeGreaterThan(500_000);
      expect(transferred, `${path}: ${transferred} of ${unpacked} bytes`).toBeLessThan(unpacked / 3);
      await context.close();
    }
  });
});
