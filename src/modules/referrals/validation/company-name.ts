// "Same company" by name: what people type differs in case, accents, punctuation and the legal form
// ("Acme Ltda." and "ACME S.A." are the same company for the first-referrer rule).
const LEGAL_FORMS = new Set([
  "ltda",
  "limitada",
  "sa",
  "me",
  "epp",
  "eireli",
  "mei",
  "slu",
  "ss",
  "cia",
  "companhia",
  "inc",
  "llc",
]);
const MULTI_WORD_FORMS = [/\bsociedade anonima\b/g, /\be cia\b/g, /\bsociedade limitada\b/g];

export function normalizeCompanyName(name: string): string {
  let text = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " e ")
    // "S.A.", "S/A" → "sa"; "Ltda." → "ltda"
    .replace(/\bs\s*[./]\s*a\b\.?/g, " sa ")
    .replace(/[^\p{L}\p{N}]+/gu, " ");
  for (const form of MULTI_WORD_FORMS) text = text.replace(form, " ");
  const words = text.split(" ").filter(Boolean);
  // Legal forms are dropped from the end (where they stand), never from the middle of a name.
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  if (words.length === 1 && LEGAL_FORMS.has(words[0]!)) return "";
  return words.join(" ");
}
