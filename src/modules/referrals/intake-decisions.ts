// What a batch of submissions decides once its locks are held and the stored state is read: which ones
// pass the daily limits and which referral holds each company. Submissions are taken in batch order, as
// if each had committed alone before the next: a submission counts toward the limits of the ones after
// it, and the first of a company in the batch holds it for the later ones (unless a stored referral
// already does: it committed first).
import { randomUUID } from "node:crypto";
import { TooManyRequests } from "../../platform/http/errors.js";
import { type CompanyIdentity, isSameCompany } from "./company-match.js";

export type IntakeCandidate = {
  programId: string;
  /** Normalized (lower case): the referrer's identity in the program. */
  referrerEmail: string;
  ip: string | null;
  company: CompanyIdentity;
  limits: { perReferrer: number; perIp: number };
};

export type StoredHolder = { id: string; isDuplicate: boolean };

/** Read in the batch's transaction after the locks: today's counts, and each candidate's stored holder. */
export type StoredIntakeState = {
  referralsTodayByReferrer: Map<string, number>;
  referralsTodayByIp: Map<string, number>;
  /** By candidate position. */
  holders: (StoredHolder | null)[];
};

export type IntakeDecision =
  | { accepted: true; id: string; duplicateOfId: string | null }
  | { accepted: false; error: TooManyRequests };

export const referrerKey = (programId: string, email: string) => `${programId} ${email}`;
export const ipKey = (programId: string, ip: string) => `${programId} ${ip}`;

type Accepted = { candidate: IntakeCandidate; id: string; isDuplicate: boolean };

export function decideIntakeBatch(
  candidates: IntakeCandidate[],
  stored: StoredIntakeState,
  newId: () => string = randomUUID,
): IntakeDecision[] {
  const byReferrer = new Map(stored.referralsTodayByReferrer);
  const byIp = new Map(stored.referralsTodayByIp);
  const accepted: Accepted[] = [];
  return candidates.map((candidate, position) => {
    const referrer = referrerKey(candidate.programId, candidate.referrerEmail);
    const ip = candidate.ip === null ? null : ipKey(candidate.programId, candidate.ip);
    const overLimit = limitReached(candidate, byReferrer.get(referrer) ?? 0, ip ? (byIp.get(ip) ?? 0) : 0);
    if (overLimit) return { accepted: false, error: overLimit };
    byReferrer.set(referrer, (byReferrer.get(referrer) ?? 0) + 1);
    if (ip) byIp.set(ip, (byIp.get(ip) ?? 0) + 1);
    const holder = holderFor(candidate, stored.holders[position] ?? null, accepted);
    const id = newId();
    accepted.push({ candidate, id, isDuplicate: holder !== null });
    return { accepted: true, id, duplicateOfId: holder?.id ?? null };
  });
}

function limitReached(candidate: IntakeCandidate, byReferrer: number, byIp: number) {
  if (byReferrer >= candidate.limits.perReferrer) {
    return new TooManyRequests(
      "daily_limit_reached",
      `At most ${candidate.limits.perReferrer} referrals a day.`,
    );
  }
  if (byIp >= candidate.limits.perIp) {
    return new TooManyRequests("daily_limit_reached", "Too many referrals from this network today.");
  }
  return null;
}

/**
 * The stored holder if it is not itself a duplicate (it committed before this batch began); else the
 * first non-duplicate of the company earlier in the batch; else any duplicate, stored ones first.
 */
function holderFor(
  candidate: IntakeCandidate,
  stored: StoredHolder | null,
  accepted: Accepted[],
): StoredHolder | null {
  if (stored && !stored.isDuplicate) return stored;
  const earlier = accepted.filter(
    (a) =>
      a.candidate.programId === candidate.programId && isSameCompany(a.candidate.company, candidate.company),
  );
  const inBatch = earlier.find((a) => !a.isDuplicate) ?? (stored ? undefined : earlier[0]);
  if (inBatch) return { id: inBatch.id, isDuplicate: inBatch.isDuplicate };
  return stored;
}
