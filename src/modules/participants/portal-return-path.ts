// Where a referrer goes after signing in: the portal page they were sent to (a status e-mail's link to one
// referral, say) rather than always the portal's home. Only a plain path inside the portal is accepted,
// so a sign-in link can never be turned into a redirect to another site (`//evil.example`, `/\evil`).
const PORTAL_PATH = /^\/portal(?:\/[A-Za-z0-9._~-]+)*\/?$/;

export function isSafePortalPath(path: string): boolean {
  return (
    path.length <= 300 &&
    PORTAL_PATH.test(path) &&
    !path.split("/").some((segment) => segment === "." || segment === "..") &&
    !/^\/portal\/(?:auth|login)(?:\/|$)/.test(path)
  );
}
