// Serves the React application built by Vite (dist/web): its assets, and index.html for every
// client-side route under /admin and /portal.
import { existsSync, readFileSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { projectPath } from "../paths.js";
import { access } from "./access.js";

const webRoot = projectPath("dist", "web");

export async function registerWebApp(app: FastifyInstance) {
  const indexPath = `${webRoot}/index.html`;
  const indexHtml = existsSync(indexPath)
    ? readFileSync(indexPath, "utf8")
    : "<!doctype html><title>Corrente</title><p>The web application is not built. Run <code>npm run build</code>.</p>";
  if (existsSync(`${webRoot}/assets`)) {
    // Vite names assets by content hash, so they can be cached for good. The build writes a brotli
    // and a gzip copy of each (scripts/precompress-assets.ts): sent as they are, chosen by
    // Accept-Encoding, with `Vary: Accept-Encoding`.
    await app.register(fastifyStatic, {
      root: `${webRoot}/assets`,
      prefix: "/assets/",
      immutable: true,
      maxAge: "365d",
      preCompressed: true,
    });
  }
  const sendIndex = async (_request: unknown, reply: import("fastify").FastifyReply) =>
    reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(indexHtml);
  for (const url of ["/admin", "/admin/*", "/portal", "/portal/*"]) {
    app.get(url, { config: { access: access.public }, schema: { hide: true } }, sendIndex);
  }
  app.get("/", { config: { access: access.public }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect("/admin", 302),
  );
  // GET /favicon.svg and /favicon.ico – the product's icon (browsers ask for /favicon.ico on every page)
  const favicon = readFileSync(projectPath("web", "favicon.svg"));
  for (const url of ["/favicon.svg", "/favicon.ico"]) {
    app.get(url, { config: { access: access.public }, schema: { hide: true } }, async (_request, reply) =>
      reply.type("image/svg+xml").header("cache-control", "public, max-age=86400").send(favicon),
    );
  }
}
