// CNPJ check digits, for the classic numeric CNPJ and the alphanumeric one Brazil issues since July
// 2026 (Receita Federal, "CNPJ alfanumérico"): 12 characters [0-9A-Z] and 2 numeric check digits.
// Each character counts as its char code − 48, so '0'..'9' are 0..9 and 'A' is 17; the modulo-11
// weights are the classic ones.
const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** 14 upper-case characters without punctuation, or null when the shape cannot be a CNPJ. */
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
  // Repeated digits pass the arithmetic but are not issued.
  if (/^(\d)\1{13}$/.test(cnpj)) return false;
  const first = checkDigit(cnpj, FIRST_WEIGHTS);
  const second = checkDigit(cnpj.slice(0, 12) + first, SECOND_WEIGHTS);
  return cnpj.endsWith(`${first}${second}`);
}

/** The first 8 characters: the company, whatever the branch ("filial"). */
export function cnpjRoot(normalized: string): string {
  return normalized.slice(0, 8);
}
