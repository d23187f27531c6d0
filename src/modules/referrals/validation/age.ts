/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Completed years on `today`. Someone born on 29 February completes a year on 1 March in common
 * years (the anniversary falls on the day after 28 February, as Brazilian civil law counts it).
 */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age--;
  return age;
}

export function isAtLeast(birthDate: string, years: number, today: string): boolean {
  return birthDate <= today && ageOn(birthDate, today) >= years;
}

/** Today's date where the program lives (America/Sao_Paulo by default). */
export function todayIn(timeZone = "America/Sao_Paulo", now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
