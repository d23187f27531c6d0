import { disposableDomains } from "./disposable-domains.js";
import { freeMailDomains } from "./free-mail-domains.js";

/** The lower-case domain after the last "@" ("" when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0
    ? ""
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase()
        .replace(/\.$/, "");
}

export function isFreeMailDomain(domain: string): boolean {
  return freeMailDomains.has(domain.toLowerCase());
}

export function isDisposableDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  return disposableDomains.has(lower) || disposableDomains.has(registrableDomain(lower));
}

// Two-level public suffixes under a country code ("acme.com.br", "acme.gov.br", "acme.co.uk"): a simple
// rule in place of the Public Suffix List, enough to fold subdomains of the companies people refer.
const SECOND_LEVEL = new Set(["com", "net", "org", "gov", "edu", "co", "ind", "adv", "eng", "med", "art"]);

/** "mail.acme.com.br" → "acme.com.br", "sub.acme.io" → "acme.io": subdomains are the same organization. */
export function registrableDomain(domain: string): string {
  const labels = domain.toLowerCase().split(".").filter(Boolean);
  if (labels.length <= 2) return labels.join(".");
  const secondLast = labels[labels.length - 2]!;
  const isCountryCode = labels[labels.length - 1]!.length === 2;
  return labels.slice(SECOND_LEVEL.has(secondLast) && isCountryCode ? -3 : -2).join(".");
}

/**
 * The company's registrable domain, or null for personal mailboxes: a shared gmail.com says nothing about
 * the company (DESIGN.md, "First referrer wins": free-mail domains never match). Registrable rather than
 * the literal domain, so "ana@vendas.acme.com.br" and "bruno@acme.com.br" name the same company.
 */
export function corporateDomain(email: string): string | null {
  const domain = emailDomain(email);
  if (!domain.includes(".")) return null;
  const registrable = registrableDomain(domain);
  return isFreeMailDomain(domain) || isFreeMailDomain(registrable) ? null : registrable;
}

/**
 * The program refuses referring one's own company (DESIGN.md, "Intake": the referrer's e-mail domain
 * equals the contact's corporate domain). Personal mailboxes never count: two gmail.com users are not
 * colleagues.
 */
export function isSelfReferral(referrerEmail: string, contactEmail: string): boolean {
  const contact = corporateDomain(contactEmail);
  return contact !== null && contact === corporateDomain(referrerEmail);
}

/** How addresses are stored and compared: trimmed and lower-case (RFC 5321 allows case in the local part; nobody uses it). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A loose shape check for forms, before the server's own: something@something.tld, no spaces. */
export function isPlausibleEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
