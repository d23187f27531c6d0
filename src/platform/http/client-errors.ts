// Requests Node refuses before Fastify sees them (a malformed request line or header, headers too large,
// a request that did not arrive in time) are answered in the contract's error shape too, then the
// connection is closed: the parser cannot tell where the next request would start.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyBaseLogger } from "fastify";
import { inLocale } from "./error-messages.js";
import { errorBody } from "./errors.js";

type Refusal = { status: number; code: string; message: string };

function refusalFor(error: NodeJS.ErrnoException): Refusal {
  switch (error.code) {
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, code: "request_timeout", message: "The request took too long to arrive." };
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, code: "headers_too_large", message: "The request headers are too large." };
    default:
      return { status: 400, code: "bad_request", message: "The request could not be understood." };
  }
}

/** The raw HTTP answer for a refusal: headers are not parsed yet, so in the default language (pt-BR). */
export function clientErrorResponse(error: NodeJS.ErrnoException): string {
  const refusal = refusalFor(error);
  const body = JSON.stringify(inLocale(errorBody(refusal.code, refusal.message), "pt-BR"));
  return [
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

/** Fastify's `clientErrorHandler`. */
export function answerClientError(this: { log: FastifyBaseLogger }, error: Error, socket: Socket): void {
  const code = (error as NodeJS.ErrnoException).code;
  // A reset connection has nobody left to answer.
  if (code === "ECONNRESET" || socket.destroyed) return;
  // The code alone: Node's parse errors carry the raw bytes received, a token in a URL among them.
  this.log.debug({ code }, "client error");
  // An answer already under way (Node times out a body that stalls mid-request) cannot take another.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    socket.end(clientErrorResponse(error), () => socket.destroy());
    return;
  }
  socket.destroy();
}
