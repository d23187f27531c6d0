import { vi } from "vitest";

/** One request as the app sent it, for assertions on URLs and bodies. */
export type SentRequest = { method: string; url: URL; body: unknown; headers: Headers };
type Answer = Response | Promise<Response>;
type Route = { method: string; path: string; answer: (request: SentRequest) => Answer };

/** A JSON answer, as the server sends them. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** The contract's error shape: `{"error":{code,message,fields}}`. */
export function apiError(status: number, code: string, fields?: Record<string, string[]>): Response {
  return json({ error: { code, message: code, ...(fields ? { fields } : {}) } }, status);
}

/**
 * Replaces `fetch` (the network edge) so the app's own API functions and client run as in the browser.
 * Routes match by method and path; a request nobody answers fails the test with its URL.
 */
export function stubNetwork() {
  const routes: Route[] = [];
  const sent: SentRequest[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://corrente.test");
    const method = init.method ?? "GET";
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const request = { method, url, body, headers: new Headers(init.headers) };
    sent.push(request);
    const route = routes.find((candidate) => candidate.method === method && candidate.path === url.pathname);
    if (!route) throw new Error(`unexpected request ${method} ${url.pathname}${url.search}`);
    return route.answer(request);
  });
  vi.stubGlobal("fetch", fetchStub);
  return {
    sent,
    on(method: string, path: string, answer: (request: SentRequest) => Answer) {
      routes.unshift({ method, path, answer });
    },
    /** The requests sent to one path, oldest first. */
    to: (path: string) => sent.filter((request) => request.url.pathname === path),
  };
}

/** An answer the test releases when it wants, to look at the loading state in between. */
export function deferred() {
  let release: (response: Response) => void = () => {};
  const promise = new Promise<Response>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}
