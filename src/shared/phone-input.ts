// Phone numbers as people type them in a form. The full check (phone.ts, libphonenumber's metadata) is
// the server's; these need no metadata, so the browser's forms can use them without its weight.

/** "(11) 98765-4321" as it is typed; an international number ("+…") is left as written. */
export function maskPhone(value: string): string {
  if (value.trim().startsWith("+")) return value;
  const digits = value.replace(/\D/g, "").slice(0, 11);
  if (digits.length <= 2) return digits;
  const local = digits.slice(2);
  const split = local.length > 8 ? 5 : 4;
  return `(${digits.slice(0, 2)}) ${local.slice(0, split)}${local.length > split ? `-${local.slice(split)}` : ""}`;
}

/** A stored number ("+5511987654321") the way a form shows it; other countries stay international. */
export function phoneForInput(stored: string | null): string {
  if (!stored) return "";
  return stored.startsWith("+55") ? maskPhone(stored.slice(3)) : stored;
}

/** Enough digits to be a Brazilian number with its area code: a hint before the server's full check. */
export function isPlausiblePhone(value: string): boolean {
  return value.replace(/\D/g, "").length >= 10;
}
