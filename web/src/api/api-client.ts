import { ApiError, apiErrorFromResponse } from "./api-error";

type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ApiRequestOptions = {
  method?: HttpMethod;
  body?: unknown;
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
  // Fastify refuses an empty body declared as JSON, so the content type goes only with a body.
  if (hasBody) headers.set("content-type", "application/json");
  const token = csrfToken ?? rememberedCsrfToken;
  if (method !== "GET" && token) headers.set("x-csrf-token", token);
  return headers;
}

/** JSON in, JSON out, same-origin cookies; a non-2xx answer is thrown as an ApiError. */
export async function apiRequest<TResponse>(
  path: string,
  options: ApiRequestOptions = {},
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
