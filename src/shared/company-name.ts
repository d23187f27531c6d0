// "Same company" by name (DESIGN.md, "First referrer wins"): with no CNPJ, two referrals name the same
// company when their normalized names match. People type the same company with different case, accents,
// punctuation and legal form ("Acme Software Ltda." and "ACME SOFTWARE S.A."), so all of that goes.

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

function legalFormEnding(words: string[]): number {
  let longest = 0;
  for (const form of LEGAL_FORMS) {
    if (form.length <= longest || form.length > words.length) continue;
    const tail = words.slice(words.length - form.length);
    if (tail.every((word, i) => word === form[i])) longest = form.length;
  }
  return longest;
}

/**
 * Lower case, no accents, "&" → "e", no punctuation, no legal form at the end, single spaces.
 * Legal forms are dropped only where they end the name (repeatedly: "Ltda. - ME"), never at its start
 * or middle: "SA Digital" stays "sa digital" and "ME Consultoria" stays "me consultoria", because a
 * legal form follows the name in Brazilian usage and a leading "SA"/"ME" is more likely part of the
 * brand. A name made only of legal forms ("Ltda.") normalizes to "" (callers treat "" as no name).
 */
export function normalizeCompanyName(name: string): string {
  const text = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " e ")
    // "S.A.", "S/A", "S. A." → "sa" before punctuation is removed, so they read as one word.
    .replace(/\bs\s*[./]\s*a\b\.?/g, " sa ")
    .replace(/[^\p{L}\p{N}]+/gu, " ");
  const words = text.split(" ").filter(Boolean);
  for (let drop = legalFormEnding(words); drop > 0; drop = legalFormEnding(words)) {
    words.length -= drop;
  }
  return words.join(" ");
}
