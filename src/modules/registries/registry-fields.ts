// Field normalizers for registry files. They return null for a value they cannot read, and the row
// parser turns that into a row error naming the field.

import { isValidIsoDate } from "../../shared/dates.js";
import { isFreeMailDomain, registrableDomain } from "../../shared/email.js";

/** YYYY-MM-DD or the Brazilian DD/MM/YYYY, as a real calendar date in YYYY-MM-DD. */
export function parseRegistryDate(value: string): string | null {
  const brazilian = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = brazilian
    ? `${brazilian[3]}-${brazilian[2]!.padStart(2, "0")}-${brazilian[1]!.padStart(2, "0")}`
    : value;
  return isValidIsoDate(iso) ? iso : null;
}

const DOMAIN_PATTERN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

/**
 * "https://www.Acme.com.br/contato" → "acme.com.br". Reduced to the registrable domain the way intake
 * reduces a contact's e-mail domain (`corporateDomain`), so the two sides compare equal.
 */
export function normalizeRegistryDomain(value: string): string | null {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .split(/[/?#]/, 1)[0]!
    .replace(/:\d+$/, "")
    .replace(/\.$/, "");
  return DOMAIN_PATTERN.test(host) ? registrableDomain(host) : null;
}

/** A personal mailbox's domain (gmail.com) names no company: it never identifies a registry row. */
export function isCompanyDomain(domain: string): boolean {
  return !isFreeMailDomain(domain);
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeRegistryEmail(value: string): string | null {
  const email = value.trim().toLowerCase();
  return EMAIL_PATTERN.test(email) && email.length <= 320 ? email : null;
}

const statusWords: Record<string, "active" | "churned"> = {
  ativo: "active",
  ativa: "active",
  active: "active",
  inativo: "churned",
  inativa: "churned",
  churned: "churned",
  cancelado: "churned",
  cancelada: "churned",
};

export function parseCustomerStatus(value: string): "active" | "churned" | null {
  const word = value.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();
  return statusWords[word] ?? null;
}
