import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompressAssets } from "./scripts/precompress-assets.ts";

const webRoot = fileURLToPath(new URL("./web", import.meta.url));
const buildOutput = fileURLToPath(new URL("./dist/web", import.meta.url));
// Code both sides run (validators, codes, permissions): the web app imports it as "@shared/…".
const sharedRoot = fileURLToPath(new URL("./src/shared", import.meta.url));

// Paths the Fastify server answers itself; in `vite` dev they are forwarded to it. Keys starting with
// "^" are regular expressions: a plain "/p" would also capture "/portal".
const serverPaths = ["^/api/", "^/portal/auth/", "^/p/", "^/dev/"];
const serverUrl = "http://127.0.0.1:3000";

// One SPA for both areas: /admin/* (staff) and /portal/* (referrers).
export default defineConfig(() => ({
  root: webRoot,
  base: "/",
  plugins: [react(), precompressAssets()],
  resolve: { alias: { "@shared": sharedRoot } },
  build: {
    outDir: buildOutput,
    emptyOutDir: true,
    // Libraries change far less often than our pages: separate chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 2,
            },
            {
              name: "mantine",
              test: /node_modules[\\/](@mantine|@floating-ui|react-number-format|clsx)[\\/]/,
              priority: 1,
            },
            // `marked` stays out: only the admin's Markdown preview loads it, lazily.
            { name: "vendor", test: /node_modules[\\/](?!marked[\\/])/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(serverPaths.map((path) => [path, { target: serverUrl, changeOrigin: false }])),
  },
}));
