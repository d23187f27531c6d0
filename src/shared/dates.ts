const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real calendar date written YYYY-MM-DD: "2026-02-30" and "23/11/2026" are not. Counted, not parsed
 * with Date: every submission checks a few dates, and building Dates was a visible part of its cost.
 */
export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && isLeap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

function dateParts(value: string): [number, number, number] {
  if (!isValidIsoDate(value)) throw new RangeError(`Not a YYYY-MM-DD date: ${value}`);
  return value.split("-").map(Number) as [number, number, number];
}

/**
 * Completed years on `today` (negative before birth). Throws on a date that is not YYYY-MM-DD.
 *
 * Someone born on 29 February completes a year on 1 March in common years and on 29 February in leap
 * years: Lei nº 810/1949 counts a year up to the same day and month, and when that day does not exist,
 * up to the first day after it (art. 3). Comparing (month, day) pairs gives exactly that: on 28 February
 * the birthday has not come yet, on 1 March it has.
 */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = dateParts(birthDate);
  const [ty, tm, td] = dateParts(today);
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

/** Whether someone born on `birthDate` is `years` old or more on `today`; false for invalid or future dates. */
export function isAtLeast(birthDate: string, years: number, today: string): boolean {
  if (!isValidIsoDate(birthDate) || !isValidIsoDate(today) || birthDate > today) return false;
  return ageOn(birthDate, today) >= years;
}
