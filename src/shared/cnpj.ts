// CNPJ check digits for the classic numeric CNPJ and the alphanumeric one Brazil issues since July 2026
// (IN RFB nº 2.229/2024; Nota Técnica COCAD/SUARA/RFB nº 49/2024, "CNPJ alfanumérico"): 12 characters
// [0-9A-Z] then 2 numeric check digits. Each character counts as its char code − 48 ('0'..'9' → 0..9,
// 'A' → 17 … 'Z' → 42), and the modulo-11 weights are the classic ones, so every numeric CNPJ issued
// before keeps its check digits.
const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * 14 upper-case characters without the mask ("12.ABC.345/01DE-35" → "12ABC34501DE35"), or null when the
 * input cannot be a CNPJ: other characters, another length, or letters in the check-digit positions.
 */
export function normalizeCnpj(input: string): string | null {
  const compact = input.replace(/[.\-/\s]/g, "").toUpperCase();
  return /^[0-9A-Z]{12}[0-9]{2}$/.test(compact) ? compact : null;
}

function checkDigit(chars: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (chars.charCodeAt(i) - 48) * weights[i]!;
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

export function isValidCnpj(input: string): boolean {
  const cnpj = normalizeCnpj(input);
  if (!cnpj) return false;
  // 00000000000000, 11111111111111…: the arithmetic passes but the Receita never issues them.
  if (/^(\d)\1{13}$/.test(cnpj)) return false;
  const first = checkDigit(cnpj, FIRST_WEIGHTS);
  const second = checkDigit(`${cnpj.slice(0, 12)}${first}`, SECOND_WEIGHTS);
  return cnpj.endsWith(`${first}${second}`);
}

/**
 * The first 8 characters of a normalized CNPJ: the company ("raiz"), whatever the branch ("filial").
 * Two referrals with the same root name the same company (DESIGN.md, "First referrer wins").
 */
export function cnpjRoot(normalized: string): string {
  return normalized.slice(0, 8);
}

/** "12.ABC.345/01DE-35" as it is typed: punctuation added as the characters come, at most 14 of them. */
export function maskCnpj(value: string): string {
  const bare = value
    .replace(/[^0-9a-zA-Z]/g, "")
    .toUpperCase()
    .slice(0, 14);
  const [root, second, third, branch, digits] = [
    bare.slice(0, 2),
    bare.slice(2, 5),
    bare.slice(5, 8),
    bare.slice(8, 12),
    bare.slice(12, 14),
  ];
  return `${root}${second ? `.${second}` : ""}${third ? `.${third}` : ""}${branch ? `/${branch}` : ""}${digits ? `-${digits}` : ""}`;
}

/** A stored 14-character CNPJ with its usual punctuation; anything else unchanged. */
export function formatCnpj(cnpj: string): string {
  const bare = cnpj.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
  return bare.length === 14 ? maskCnpj(bare) : cnpj;
}
