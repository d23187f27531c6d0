// One line per request, at a level that says whether anyone should look: `debug` for the ordinary
// (an idle staff app polls, so `info` filled 2,000 lines in 16 minutes), `warn` when slow, `error` when
// the server failed. Fastify's own two lines per request are turned off (its LogController's
// `disableRequestLogging`).
import type { FastifyInstance, FastifyReply } from "fastify";

/** Slower than this is worth a look even when it succeeded. */
export const SLOW_REQUEST_MS = 1000;

export function requestLogLevel(reply: Pick<FastifyReply, "statusCode" | "elapsedTime">) {
  if (reply.statusCode >= 500) return "error";
  if (reply.elapsedTime > SLOW_REQUEST_MS) return "warn";
  return "debug";
}

export function logRequestsByOutcome(app: FastifyInstance) {
  app.addHook("onResponse", async (request, reply) => {
    request.log[requestLogLevel(reply)](
      {
        req: request,
        res: reply,
        responseTime: Math.round(reply.elapsedTime),
        ...(request.routeOptions.url ? { route: request.routeOptions.url } : {}),
      },
      "request completed",
    );
  });
}
