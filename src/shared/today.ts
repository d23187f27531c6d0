import { partsIn } from "./date-format.js";

/** Today's date (YYYY-MM-DD) in a time zone, America/Sao_Paulo by default. */
export function todayIn(timeZone = "America/Sao_Paulo", now = new Date()): string {
  const { year, month, day } = partsIn(now, timeZone);
  return `${year}-${month}-${day}`;
}
