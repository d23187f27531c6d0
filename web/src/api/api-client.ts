import { ApiError, apiErrorFromResponse } from "./api-error";

type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ApiRequestOptions<TBody = undefined> = {
  method?: HttpMethod;
  /** Typed by apiRequest's second parameter, the route's body (`ApiBody<…>`): no body unless named. */
  body?: TBody;
  /** Overrides the remembered token, for an area whose session carries its own. */
  csrfToken?: string;
  signal?: AbortSignal;
};

let rememberedCsrfToken: string | undefined;

/** The server hands a CSRF token out with each session; changing requests must echo it. */
export function rememberCsrfToken(token: string | undefined): void {
  rememberedCsrfToken = token;
}

function requestHeaders(method: HttpMethod, hasBody: boolean, csrfToken: string | undefined): Headers {
  const headers = new Headers({ accept: "application/json" });
  // Errors come back in the language the page is in (the app keeps <html lang> to it), not the browser's.
  const language = typeof document === "undefined" ? "" : document.documentElement.lang;
  if (language) headers.set("accept-language", language);
  // Fastify refuses an empty body declared as JSON, so the content type goes only with a body.
  if (hasBody) headers.set("content-type", "application/json");
  const token = csrfToken ?? rememberedCsrfToken;
  if (method !== "GET" && token) headers.set("x-csrf-token", token);
  return headers;
}

type QueryValue = string | number | boolean | null | undefined;

/** `path?query`; of named values only those set, so the server applies its defaults to the rest. */
export function withQuery(path: string, query: Record<string, QueryValue> | URLSearchParams): string {
  const params =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(
          Object.entries(query).flatMap(([name, value]) =>
            value === undefined || value === null || value === "" ? [] : [[name, String(value)]],
          ),
        );
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * JSON in, JSON out, same-origin cookies; a non-2xx answer is thrown as an ApiError. Name the answer
 * and the body with the generated types (api-types.ts), so the compiler holds both to the server's schemas.
 */
export async function apiRequest<TResponse, TBody = undefined>(
  path: string,
  options: ApiRequestOptions<TBody> = {},
): Promise<TResponse> {
  const method = options.method ?? "GET";
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: requestHeaders(method, hasBody, options.csrfToken),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network_error", "The server could not be reached.");
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  if (response.status === 204) return undefined as TResponse;
  return (await response.json()) as TResponse;
}
