// Per-account sign-in protection (security review, issue 16.5): the per-address limit of the route
// does not stop a guesser who spreads one account's attempts over many addresses. After
// SIGN_IN_FAILURES_ALLOWED wrong passwords for one e-mail within the window, that e-mail answers 429
// for SIGN_IN_LOCK_MINUTES whatever the address, even with the right password. Counts live in the
// database (platform rate_limit_counters), so every web process shares them, and they are kept by
// e-mail whether or not an account has it: a locked unknown address answers like a locked account.
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { TooManyRequests } from "../../platform/http/errors.js";
import {
  clearCounter,
  counterKey,
  countHitWithLock,
  readCounter,
} from "../../platform/rate-limits/counters.js";

export const SIGN_IN_FAILURES_ALLOWED = 10;
export const SIGN_IN_FAILURE_WINDOW_MINUTES = 15;
export const SIGN_IN_LOCK_MINUTES = 15;

export class SignInLocked extends TooManyRequests {
  constructor(readonly retryAfterSeconds: number) {
    super(
      "sign_in_locked",
      `Too many failed sign-ins for this account; try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minutes.`,
    );
  }
}

const keyOf = (ctx: Pick<AppContext, "secret">, email: string) =>
  counterKey(ctx.secret, `staff-sign-in:${email}`);

/** Throws SignInLocked while the e-mail's failures are at the limit (before any password is checked). */
export async function throwIfSignInLocked(ctx: Pick<AppContext, "secret">, db: Db, email: string) {
  const state = await readCounter(db, keyOf(ctx, email));
  if (state.hits >= SIGN_IN_FAILURES_ALLOWED) throw new SignInLocked(Math.ceil(state.ttlMs / 1000));
}

/** Counts a failed sign-in; true when this failure locked the e-mail (exactly one failure does). */
export async function countFailedSignIn(
  ctx: Pick<AppContext, "secret">,
  db: Db,
  email: string,
): Promise<boolean> {
  const state = await countHitWithLock(db, keyOf(ctx, email), {
    windowMs: SIGN_IN_FAILURE_WINDOW_MINUTES * 60_000,
    lockAt: SIGN_IN_FAILURES_ALLOWED,
    lockMs: SIGN_IN_LOCK_MINUTES * 60_000,
  });
  return state.hits === SIGN_IN_FAILURES_ALLOWED;
}

/** A right password ends the count of earlier failures. */
export async function forgetFailedSignIns(ctx: Pick<AppContext, "secret">, db: Db, email: string) {
  await clearCounter(db, keyOf(ctx, email));
}
