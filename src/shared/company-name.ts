// "Same company" by name (DESIGN.md, "First referrer wins"): with no CNPJ, two referrals name the same
// company when their normalized names match. People type the same company with different case, accents,
// punctuation and legal form ("Acme Software Ltda." and "ACME SOFTWARE S.A."), so all of that goes; and
// someone dodging the rule types a look-alike ("Acmе" with a Cyrillic "е", a zero-width space inside),
// so the key is the name's confusable skeleton (UTS #39 §4), which maps look-alikes to one prototype.
import unhomoglyph from "unhomoglyph";
import { withoutInvisibles } from "./unicode-text.js";

// Brazilian legal forms and their noise words, as whole words (after accents and punctuation are gone).
const LEGAL_FORMS: string[][] = [
  ["ltda"],
  ["limitada"],
  ["sa"],
  ["me"],
  ["epp"],
  ["eireli"],
  ["mei"],
  ["slu"],
  ["ss"],
  ["cia"],
  ["companhia"],
  ["e", "cia"],
  ["e", "companhia"],
  ["sociedade", "anonima"],
  ["sociedade", "limitada"],
  ["sociedade", "simples"],
  ["inc"],
  ["llc"],
  ["ltd"],
];

/**
 * UTS #39 §4 skeleton: NFD, every character replaced by its prototype in the Unicode confusables table
 * (confusables.txt, as the unhomoglyph package ships it), NFD again. Not for display: "m" becomes "rn".
 */
function skeleton(text: string): string {
  return unhomoglyph(text.normalize("NFD")).normalize("NFD");
}

/** A word as names are compared: its skeleton without accents (marks), in lower case. */
function matchKeyOf(word: string): string {
  return skeleton(word).replace(/\p{M}/gu, "").toLowerCase();
}

// Compared in skeleton form, so a legal form typed with look-alikes ("Ltdа") still goes.
const LEGAL_FORM_KEYS = LEGAL_FORMS.map((form) => form.map(matchKeyOf));

function legalFormEnding(words: string[]): number {
  let longest = 0;
  for (const form of LEGAL_FORM_KEYS) {
    if (form.length <= longest || form.length > words.length) continue;
    const tail = words.slice(words.length - form.length);
    if (tail.every((word, i) => word === form[i])) longest = form.length;
  }
  return longest;
}

/**
 * The name's match key: NFKC (full-width and ligature forms fold), no invisible or bidi control
 * characters, lower case, "&" → "e", each word's confusable skeleton without accents, no punctuation,
 * no legal form at the end, single spaces. Legal forms are dropped only where they end the name
 * (repeatedly: "Ltda. - ME"), never at its start or middle: "SA Digital" keeps "sa" and "ME Consultoria"
 * keeps "me", because a legal form follows the name in Brazilian usage and a leading "SA"/"ME" is more
 * likely part of the brand. A name with nothing else ("Ltda.", only invisible characters) is "": intake
 * refuses it (isUsableCompanyName).
 */
export function normalizeCompanyName(name: string): string {
  const text = withoutInvisibles(name.normalize("NFKC"))
    .toLowerCase()
    .replace(/&/g, " e ")
    // "S.A.", "S/A", "S. A." → "sa" before punctuation is removed, so they read as one word.
    .replace(/\bs\s*[./]\s*a\b\.?/g, " sa ")
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, " ");
  const words = text
    .split(" ")
    .map(matchKeyOf)
    .map((word) => word.replace(/[^\p{L}\p{N}]+/gu, ""))
    .filter(Boolean);
  for (let drop = legalFormEnding(words); drop > 0; drop = legalFormEnding(words)) {
    words.length -= drop;
  }
  return words.join(" ");
}

/** A company name intake can match on: something is left once it is normalized. */
export function isUsableCompanyName(name: string): boolean {
  return normalizeCompanyName(name) !== "";
}
