import { disposableDomains } from "./disposable-domains.js";
import { freeMailDomains } from "./free-mail-domains.js";

export function emailDomain(email: string): string {
  return email.trim().toLowerCase().split("@").at(-1) ?? "";
}

export function isFreeMailDomain(domain: string): boolean {
  return freeMailDomains.has(domain.toLowerCase());
}

export function isDisposableDomain(domain: string): boolean {
  return disposableDomains.has(domain.toLowerCase());
}

/** The company's own domain, or null for personal mailboxes (which never identify a company). */
export function corporateDomain(email: string): string | null {
  const domain = emailDomain(email);
  return domain && !isFreeMailDomain(domain) ? registrableDomain(domain) : null;
}

// Two-level public suffixes common in referrals ("acme.com.br", "acme.co.uk").
const SECOND_LEVEL = new Set(["com", "net", "org", "gov", "edu", "co", "ind", "adv", "eng", "med", "art"]);

/** "mail.acme.com.br" → "acme.com.br": subdomains belong to the same organization. */
export function registrableDomain(domain: string): string {
  const labels = domain.toLowerCase().split(".").filter(Boolean);
  if (labels.length <= 2) return labels.join(".");
  const secondLast = labels[labels.length - 2]!;
  const keep = SECOND_LEVEL.has(secondLast) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-keep).join(".");
}

/** The policy forbids referring one's own company: same corporate domain on both sides. */
export function isSelfReferral(referrerEmail: string, contactEmail: string): boolean {
  const contact = corporateDomain(contactEmail);
  return contact !== null && contact === corporateDomain(referrerEmail);
}
