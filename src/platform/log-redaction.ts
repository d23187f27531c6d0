// What log lines may not carry (issue 16.11): sign-in and consent tokens in a request's address (a
// magic link in a log is a session for whoever reads the log), and the values of a failed database
// query (names, e-mails). Every logger of the process (src/platform/context.ts) serializes requests
// and errors through these.
import pino from "pino";

const REDACTED = "[redacted]";
/** Path parameters and query keys whose values are credentials. */
const SECRET_NAME = /token|secret|password|signature/i;

type LoggedRequest = {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
  routeOptions?: { url?: string };
};

/**
 * The address with every credential replaced: path segments that the route names `:token` (or any
 * secret-sounding name), and query values under such keys.
 */
export function redactedUrl(url: string, route?: string): string {
  const at = url.indexOf("?");
  const path = at === -1 ? url : url.slice(0, at);
  const query = at === -1 ? "" : url.slice(at + 1);
  let shownPath = path;
  if (route?.includes(":")) {
    const patterns = route.split("/");
    const segments = path.split("/");
    if (patterns.length === segments.length) {
      shownPath = segments
        .map((segment, i) =>
          /^:/.test(patterns[i] ?? "") && SECRET_NAME.test(patterns[i]!) ? REDACTED : segment,
        )
        .join("/");
    }
  }
  if (!query) return shownPath;
  const shownQuery = query
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      const key = equals === -1 ? pair : pair.slice(0, equals);
      return equals !== -1 && SECRET_NAME.test(safeDecode(key)) ? `${key}=${REDACTED}` : pair;
    })
    .join("&");
  return `${shownPath}?${shownQuery}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Fastify's request fields, with the address redacted. */
export function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    url: redactedUrl(request.url ?? "", request.routeOptions?.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

type ErrorLike = Error & Record<string, unknown>;

/** What PostgreSQL says about a failure that names no value. */
const DIAGNOSIS = ["code", "severity", "constraint", "schema", "table", "column", "dataType", "routine"];

/** Drizzle's failed query: `Failed query: <sql>\nparams: <values>`. */
function isFailedQuery(error: ErrorLike): boolean {
  return typeof error.query === "string" && Array.isArray(error.params);
}

/** A PostgreSQL (pg or PGlite) error: a five-character SQLSTATE. */
function isDatabaseError(error: ErrorLike): boolean {
  return typeof error.code === "string" && /^[0-9A-Z]{5}$/.test(error.code) && "severity" in error;
}

/**
 * A copy of the error (and its causes) without the query's values: Drizzle's `params` and the message
 * line that lists them, PostgreSQL's `detail` and `where` (`Key (email)=(…) already exists`), and the
 * quoted value some messages end with (`invalid input syntax for type uuid: "…"`).
 */
export function withoutQueryValues(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 8) return error;
  const original = error as ErrorLike;
  const failedQuery = isFailedQuery(original);
  const databaseError = isDatabaseError(original);
  if (!failedQuery && !databaseError && !(original.cause instanceof Error)) return error;
  let message = original.message;
  if (failedQuery) {
    message = `Failed query: ${original.query as string}\nparams: ${REDACTED} (${(original.params as unknown[]).length})`;
  } else if (databaseError) {
    message = message.replace(/: ".*"$/s, `: "${REDACTED}"`);
  }
  const copy = new Error(message) as ErrorLike;
  copy.name = original.name;
  copy.stack = (original.stack ?? "").replace(original.message, message);
  for (const key of Object.keys(original)) {
    if (key === "cause" || (failedQuery && key === "params")) continue;
    if (databaseError && (key === "detail" || key === "where" || key === "internalQuery")) continue;
    copy[key] = original[key];
  }
  if (original.cause !== undefined) copy.cause = withoutQueryValues(original.cause, depth + 1);
  // pino folds causes into the message and stack only: the database's diagnosis (no values) is kept.
  const cause = original.cause as ErrorLike | undefined;
  if (failedQuery && cause instanceof Error && isDatabaseError(cause)) {
    copy.database = Object.fromEntries(
      DIAGNOSIS.filter((key) => cause[key] !== undefined).map((key) => [key, cause[key]]),
    );
  }
  Object.defineProperty(copy, "constructor", { value: original.constructor, enumerable: false });
  return copy;
}

export const logSerializers = {
  req: serializeRequest,
  err: (error: unknown) => pino.stdSerializers.err(withoutQueryValues(error) as Error),
};
