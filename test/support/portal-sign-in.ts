// A referrer's sign-in link followed as a browser does: GET opens the confirmation page, and its
// button posts the page's form back (with the cookie the page set) to start the session.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";

export const SIGN_IN_PAGE_COOKIE = "corrente_sign_in";

/** The confirmation value and form action of a sign-in page, and the cookie it set. */
export function signInForm(page: LightMyRequestResponse) {
  const confirmation = page.body.match(/name="confirmation" value="([^"]+)"/)?.[1];
  const action = page.body.match(/<form[^>]* action="([^"]+)"/)?.[1]?.replaceAll("&amp;", "&");
  const nonce = page.cookies.find((cookie) => cookie.name === SIGN_IN_PAGE_COOKIE)?.value;
  if (!confirmation || !action || !nonce)
    throw new Error(`not a sign-in page: ${page.statusCode} ${page.body}`);
  return { confirmation, action, cookie: `${SIGN_IN_PAGE_COOKIE}=${nonce}` };
}

/**
 * Opens the link's page and presses its button. `headers` go with both requests (a planted cookie is
 * kept beside the page's). Returns both answers; `signIn` is the page's answer when it was no page.
 */
export async function followSignInLink(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ page: LightMyRequestResponse; signIn: LightMyRequestResponse }> {
  const page = await app.inject({ method: "GET", url, headers });
  if (page.statusCode !== 200) return { page, signIn: page };
  const form = signInForm(page);
  const signIn = await app.inject({
    method: "POST",
    url: form.action,
    headers: {
      ...headers,
      cookie: [headers.cookie, form.cookie].filter(Boolean).join("; "),
      "content-type": "application/x-www-form-urlencoded",
      "sec-fetch-site": "same-origin",
    },
    payload: new URLSearchParams({ confirmation: form.confirmation }).toString(),
  });
  return { page, signIn };
}
