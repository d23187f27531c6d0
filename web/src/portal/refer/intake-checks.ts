// The landing page's quick checks and masks (src/modules/referrals/landing/landing-enhance.js), so the
// portal form catches the same typos before a round trip. The server checks everything again.

// Alphanumeric CNPJ (Receita Federal, from July 2026): each character's value is its code minus 48, so
// digits keep their value and the classic numeric CNPJ is the same computation.
const cnpjValue = (char: string) => char.charCodeAt(0) - 48;

function checkDigit(chars: string, weights: number[]): number {
  const sum = weights.reduce((acc, weight, i) => acc + cnpjValue(chars[i] ?? "0") * weight, 0);
  return sum % 11 < 2 ? 0 : 11 - (sum % 11);
}

/** 12 alphanumeric characters and 2 check digits, with or without punctuation. */
export function isValidCnpj(input: string): boolean {
  const bare = input.replace(/[.\-/\s]/g, "").toUpperCase();
  if (!/^[0-9A-Z]{12}[0-9]{2}$/.test(bare) || /^(\d)\1{13}$/.test(bare)) return false;
  const first = checkDigit(bare, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(`${bare.slice(0, 12)}${first}`, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return bare.endsWith(`${first}${second}`);
}

/** "12.ABC.345/01DE-35" as it is typed. */
export function maskCnpj(value: string): string {
  const bare = value
    .replace(/[^0-9a-zA-Z]/g, "")
    .toUpperCase()
    .slice(0, 14);
  const parts = [bare.slice(0, 2), bare.slice(2, 5), bare.slice(5, 8), bare.slice(8, 12), bare.slice(12, 14)];
  const [root = "", second, third, branch, digits] = parts;
  return `${root}${second ? `.${second}` : ""}${third ? `.${third}` : ""}${branch ? `/${branch}` : ""}${digits ? `-${digits}` : ""}`;
}

/** "(11) 98765-4321" as it is typed; an international number ("+…") is left as written. */
export function maskPhone(value: string): string {
  if (value.trim().startsWith("+")) return value;
  const digits = value.replace(/\D/g, "").slice(0, 11);
  if (digits.length <= 2) return digits;
  const local = digits.slice(2);
  const split = local.length > 8 ? 5 : 4;
  return `(${digits.slice(0, 2)}) ${local.slice(0, split)}${local.length > split ? `-${local.slice(split)}` : ""}`;
}

/** A stored number ("+5511987654321") the way the form shows it; other countries stay international. */
export function phoneForInput(stored: string | null): string {
  if (!stored) return "";
  return stored.startsWith("+55") ? maskPhone(stored.slice(3)) : stored;
}

export function isPlausiblePhone(value: string): boolean {
  return value.replace(/\D/g, "").length >= 10;
}

// Deliberately loose, like the sign-in form's: the server has the last word.
export function isPlausibleEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Whether someone born on `birthDate` ("YYYY-MM-DD") has turned `years` by `today` (same format). */
export function isAtLeastYearsOld(birthDate: string, years: number, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || birthDate > today) return false;
  const [by = 0, bm = 0, bd = 0] = birthDate.split("-").map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split("-").map(Number);
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1) >= years;
}
