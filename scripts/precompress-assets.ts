// A Vite plugin that writes `FILE.br` and `FILE.gz` beside each text file of the build, so the server
// sends them as they are (`@fastify/static`'s `preCompressed`) instead of compressing on every request.
// Written once at build time, they can take the slowest, smallest settings.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TEXT_FILE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Writes each compressed copy that is smaller than the file itself (a tiny file may not shrink). */
async function precompressFile(file: string): Promise<void> {
  const content = await readFile(file);
  const copies: [string, Buffer][] = [
    [
      `${file}.br`,
      brotliCompressSync(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
    ],
    [`${file}.gz`, gzipSync(content, { level: constants.Z_BEST_COMPRESSION })],
  ];
  for (const [copy, compressed] of copies) {
    if (compressed.length < content.length) await writeFile(copy, compressed);
  }
}

export function precompressAssets() {
  let outDir = "";
  return {
    name: "corrente:precompress-assets",
    apply: "build" as const,
    configResolved(config: { root: string; build: { outDir: string } }) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await filesUnder(outDir)).filter((file) => TEXT_FILE.test(file));
      await Promise.all(files.map(precompressFile));
    },
  };
}
