// Sign-in links open a confirmation page instead of a session (security review, issue 16.11): a link
// to the attacker's own sign-in link, planted on another site, would otherwise sign the victim into
// the attacker's account (login CSRF). The GET names the account (masked) and changes nothing; the
// session starts only on the page's form post, which must carry a value bound to a SameSite=Strict
// cookie set by that same page: another site can neither read the value nor send the cookie.
import { hashToken, hmac, newSecretToken, safeEqual } from "../../platform/crypto/tokens.js";

export const SIGN_IN_CONFIRM_COOKIE = "corrente_sign_in";

/** A fresh value for the confirmation cookie, one per page shown. */
export function newConfirmationNonce(): string {
  return newSecretToken();
}

/** The form's hidden value: binds the page's cookie to this link. */
export function confirmationFor(secret: string, nonce: string, linkToken: string): string {
  return hmac(secret, `portal-sign-in:${nonce}:${hashToken(linkToken)}`).toString("base64url");
}

/**
 * Whether a confirming post came from the page: the cookie the page set, the value it wrote into the
 * form, and (when the browser says) from our own origin (Fetch Metadata, `Sec-Fetch-Site`).
 */
export function isConfirmedFromPage(
  secret: string,
  linkToken: string,
  given: { nonce?: string; confirmation?: string; fetchSite?: string },
): boolean {
  if (given.fetchSite !== undefined && given.fetchSite !== "same-origin") return false;
  if (!given.nonce || !given.confirmation) return false;
  return safeEqual(given.confirmation, confirmationFor(secret, given.nonce, linkToken));
}

/** "rita@example.com" → "r…@e….com": enough for the owner to recognise, little for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, Math.max(at, 0));
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const suffix = dot > 0 ? domain.slice(dot) : "";
  return `${local.slice(0, 1)}…@${domain.slice(0, 1)}…${suffix}`;
}
