import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { type Locale, localeFromAcceptLanguage } from "../i18n/locale.js";
import { inLocale } from "./error-messages.js";
import { AppError, type ErrorBody, errorBody, type FieldErrors } from "./errors.js";

/** Error bodies speak the caller's language: the Accept-Language they send (the web app sets it). */
function callerLocale(request: FastifyRequest): Locale {
  const header = request.headers["accept-language"];
  return localeFromAcceptLanguage(Array.isArray(header) ? header.join(",") : header) ?? "pt-BR";
}

function fieldErrorsFromValidation(
  issues: { instancePath?: string; message?: string; params?: { issue?: { path?: PropertyKey[] } } }[],
  context: string | undefined,
): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const path =
      issue.params?.issue?.path?.map(String).join(".") ||
      issue.instancePath?.replace(/^\//, "").replaceAll("/", ".");
    const key = path || context || "body";
    fields[key] = [...(fields[key] ?? []), issue.message ?? "is invalid"];
  }
  return fields;
}

/** Every error leaves as the contract's shape, in the caller's language (src/platform/http/error-messages.ts). */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = errorBodyFor(error, request);
    return reply.status(body.status).send(inLocale(body.body, callerLocale(request)));
  });

  app.setNotFoundHandler((request, reply) => {
    const body = errorBody("route_not_found", `No route ${request.method} ${request.url.split("?")[0]}.`);
    reply.status(404).send(inLocale(body, callerLocale(request)));
  });
}

/**
 * Fastify's `frameworkErrors`: an address its router cannot read (broken percent-encoding such as
 * `%FF`) is the caller's mistake, answered in the contract's shape like any other.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const body = errorBody("bad_request", "The request could not be understood.");
  request.log.debug({ code: error.code }, "unreadable address");
  return reply.status(400).send(inLocale(body, callerLocale(request)));
}

/** The contract's shape and status for any error; anything unexpected is logged and answered 500. */
function errorBodyFor(error: FastifyError, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: errorBody(error.code, error.message, error.fields, error.details) };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = fieldErrorsFromValidation(error.validation, error.validationContext);
    return { status: 422, body: errorBody("validation_failed", "Some fields are invalid.", fields) };
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, "response did not match its schema");
    return { status: 500, body: errorBody("internal_error", "Something went wrong on our side.") };
  }
  const status = error.statusCode ?? 500;
  if (status === 429)
    return { status, body: errorBody("rate_limited", "Too many requests; try again later.") };
  if (status >= 400 && status < 500) {
    return { status, body: errorBody(clientErrorCode(error), clientErrorMessage(error)) };
  }
  request.log.error({ err: error, reqId: request.id }, "unhandled error");
  return { status: 500, body: errorBody("internal_error", "Something went wrong on our side.") };
}

const codesByFastifyError: Record<string, [string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ["malformed_json", "The request body is not valid JSON."],
  FST_ERR_CTP_EMPTY_JSON_BODY: ["malformed_json", "The request body is empty."],
  FST_ERR_CTP_BODY_TOO_LARGE: ["body_too_large", "The request body is too large."],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ["unsupported_media_type", "Send the body as application/json."],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["invalid_content_length", "The Content-Length header is wrong."],
};

function clientErrorCode(error: FastifyError): string {
  return codesByFastifyError[error.code]?.[0] ?? (error.statusCode === 404 ? "not_found" : "bad_request");
}

function clientErrorMessage(error: FastifyError): string {
  return codesByFastifyError[error.code]?.[1] ?? error.message;
}
