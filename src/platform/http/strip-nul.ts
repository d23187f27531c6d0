// PostgreSQL text cannot hold the NUL character (U+0000): a string carrying one would fail deep in a
// write or a lookup with a 500. Nobody types it; it only arrives in hostile or broken input, so it is
// dropped from every string of a parsed JSON or form body before validation, and a path or query
// string carrying one (`%00`) is refused with a 400 before anything reads it.
import type { FastifyInstance } from "fastify";
import { BadRequest } from "./errors.js";

/** `%00` or a raw NUL: `%2500` is the text "%00", not a NUL, and does not match. */
function hasNul(url: string): boolean {
  return url.includes("%00") || url.includes("\u0000");
}

export function refuseNulInUrls(app: FastifyInstance) {
  app.addHook("onRequest", async (request) => {
    if (hasNul(request.raw.url ?? "")) {
      throw new BadRequest("nul_character", "The address contains a NUL character (%00).");
    }
  });
}

function withoutNul(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withoutNul(value[i], depth + 1);
    return value;
  }
  // Only what a JSON or form parser builds is walked. Raw bodies (a received e-mail's bytes, a CSV
  // upload's stream, which a registry import reads and checks row by row) are left exactly as sent.
  if (!isPlainObject(value)) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = withoutNul(record[key], depth + 1);
  return value;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function stripNulFromBodies(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => {
    if (request.body !== undefined && request.body !== null && typeof request.body === "object") {
      withoutNul(request.body);
    } else if (typeof request.body === "string") {
      request.body = withoutNul(request.body);
    }
  });
}
