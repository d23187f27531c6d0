import Fastify, { type FastifyInstance, LogController } from "fastify";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { logRequestsByOutcome, requestLogLevel, SLOW_REQUEST_MS } from "./request-log-level.js";

/** A server whose log lines are kept, with the app's request logging. */
async function loggedServer() {
  const lines: { level: number; msg: string; responseTime?: number; route?: string }[] = [];
  const logger = pino({ level: "trace" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  // pino's Logger type is wider than Fastify's default; the same object (as in src/app.ts)
  const app = Fastify({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
  }) as unknown as FastifyInstance;
  logRequestsByOutcome(app);
  app.get("/ok/:id", async () => ({ ok: true }));
  app.get("/broken", async () => {
    throw new Error("boom");
  });
  await app.ready();
  const requestLines = () => lines.filter((line) => line.msg === "request completed");
  return { app, requestLines };
}

describe("request log level", () => {
  it("logs an ordinary request once, at debug, with its route and time", async () => {
    const { app, requestLines } = await loggedServer();
    await app.inject({ method: "GET", url: "/ok/1" });
    expect(requestLines()).toHaveLength(1);
    expect(requestLines()[0]).toMatchObject({ level: pino.levels.values.debug, route: "/ok/:id" });
    expect(requestLines()[0]?.responseTime).toBeTypeOf("number");
    await app.close();
  });

  it("logs a request the server failed at error", async () => {
    const { app, requestLines } = await loggedServer();
    expect((await app.inject({ method: "GET", url: "/broken" })).statusCode).toBe(500);
    expect(requestLines().map((line) => line.level)).toEqual([pino.levels.values.error]);
    await app.close();
  });

  it("warns of a slow request, and keeps client errors at debug", () => {
    expect(requestLogLevel({ statusCode: 200, elapsedTime: SLOW_REQUEST_MS + 1 })).toBe("warn");
    expect(requestLogLevel({ statusCode: 200, elapsedTime: SLOW_REQUEST_MS - 1 })).toBe("debug");
    expect(requestLogLevel({ statusCode: 404, elapsedTime: 3 })).toBe("debug");
    expect(requestLogLevel({ statusCode: 503, elapsedTime: 3 })).toBe("error");
  });
});
