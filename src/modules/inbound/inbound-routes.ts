import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { safeEqual } from "../../platform/crypto/tokens.js";
import { access } from "../../platform/http/access.js";
import { Forbidden, Invalid, Unauthenticated } from "../../platform/http/errors.js";
import { type RouteModule, withZod, ZErrorResponse } from "../../platform/http/route-module.js";
import { MAX_INBOUND_BYTES, receiveInboundEmail } from "./receive-email.js";

export const INBOUND_SECRET_HEADER = "x-inbound-secret";

/**
 * Checked when the request arrives, before its body (up to 10 MB) is read: a caller without the secret
 * costs us nothing. Missing → 401; wrong, or no INBOUND_SECRET configured (the door is closed) → 403.
 */
function checkInboundSecret(configured: string | undefined) {
  return async (request: FastifyRequest) => {
    const given = request.headers[INBOUND_SECRET_HEADER];
    if (typeof given !== "string" || given === "")
      throw new Unauthenticated("secret_missing", "Missing credentials.");
    if (!configured)
      throw new Forbidden("inbound_disabled", "Inbound e-mail is not configured (INBOUND_SECRET).");
    if (!safeEqual(given, configured)) throw new Forbidden("secret_invalid", "Wrong credentials.");
  };
}

export const inboundRoutes: RouteModule = (app, ctx) => {
  // A scoped instance: the raw-MIME body parser applies to this route only.
  app.register(async (scope: FastifyInstance) => {
    scope.addContentTypeParser(
      "message/rfc822",
      { parseAs: "buffer", bodyLimit: MAX_INBOUND_BYTES },
      (_request, body, done) => done(null, body),
    );
    const r = withZod(scope);

    // POST /api/inbound/email – the mail provider posts a received message as raw MIME (X-Inbound-Secret)
    r.post("/api/inbound/email", {
      config: { access: access.secret(INBOUND_SECRET_HEADER) },
      onRequest: checkInboundSecret(ctx.config.INBOUND_SECRET),
      schema: {
        tags: ["inbound"],
        consumes: ["message/rfc822"],
        response: {
          202: z.object({ id: z.string(), duplicate: z.boolean() }),
          401: ZErrorResponse,
          403: ZErrorResponse,
          413: ZErrorResponse,
          415: ZErrorResponse,
          422: ZErrorResponse,
        },
      },
      handler: async (request, reply) => {
        const raw = request.body;
        if (!Buffer.isBuffer(raw) || raw.length === 0) {
          throw new Invalid({ body: ["Send the message as raw MIME (Content-Type: message/rfc822)."] });
        }
        const stored = await receiveInboundEmail(ctx, { raw, via: "http" });
        reply.code(202);
        return { id: stored.id, duplicate: stored.isDuplicate };
      },
    });
  });
};
