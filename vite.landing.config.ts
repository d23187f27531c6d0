import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The public page's enhancement script: one small self-contained file (no chunks, no module loader),
// so the server-rendered landing page loads it with a plain <script defer>.
export default defineConfig({
  resolve: { alias: { "@shared": fileURLToPath(new URL("./src/shared", import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL("./dist/landing", import.meta.url)),
    emptyOutDir: true,
    lib: {
      entry: fileURLToPath(new URL("./web/src/landing/landing-enhance.ts", import.meta.url)),
      formats: ["iife"],
      name: "correnteLanding",
      fileName: () => "landing.js",
    },
  },
});
