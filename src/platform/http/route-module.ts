import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.js";

/** A module's routes: registered by app.ts with the process's context. */
export type RouteModule = (app: FastifyInstance, ctx: AppContext) => void;

export function withZod(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export function clientInfo(request: FastifyRequest) {
  const userAgent = request.headers["user-agent"];
  return { ip: request.ip, userAgent: typeof userAgent === "string" ? userAgent : undefined };
}

/** The contract's error shape, for documenting 4xx answers in the OpenAPI document. */
export const ZErrorResponse = z
  .object({
    // Loose: some errors carry details beside the code (e.g. the allowed moves of an illegal transition).
    error: z.looseObject({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .meta({ id: "Error" });

/** An answer without a body (204). */
export const ZNoContent = z.undefined().describe("No content");
