// Dates and times as people read them, the same on every page, e-mail and export: in the reader's
// language and the program's time zone. pt-BR "03/12/2026 18:28", English "3 Dec 2026, 18:28" (day
// first, as the rest of the world but the US writes it). Built from numeric parts, so every engine
// (Node, each browser, each ICU version) writes the same text.
export type DateLanguage = "pt-BR" | "en";

const englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type Parts = { year: string; month: string; day: string; hour: string; minute: string };

// Intl.DateTimeFormat is costly to build (it was a measurable share of a referral's CPU), so one is
// kept per time zone.
const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** The instant's calendar and clock in `timeZone`, as two-digit strings (four for the year). */
export function partsIn(instant: Date, timeZone: string): Parts {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return parts as unknown as Parts;
}

function dayText({ year, month, day }: Pick<Parts, "year" | "month" | "day">, language: DateLanguage) {
  if (language === "en") return `${Number(day)} ${englishMonths[Number(month) - 1]} ${year}`;
  return `${day}/${month}/${year}`;
}

const toDate = (instant: Date | string) => (typeof instant === "string" ? new Date(instant) : instant);

/** An instant as a date and time in `timeZone`: "03/12/2026 18:28" / "3 Dec 2026, 18:28". */
export function formatDateTime(instant: Date | string, language: DateLanguage, timeZone: string): string {
  const parts = partsIn(toDate(instant), timeZone);
  const time = `${parts.hour}:${parts.minute}`;
  return language === "en" ? `${dayText(parts, language)}, ${time}` : `${dayText(parts, language)} ${time}`;
}

/** An instant as the date it is in `timeZone`: "03/12/2026" / "3 Dec 2026". */
export function formatDate(instant: Date | string, language: DateLanguage, timeZone: string): string {
  return dayText(partsIn(toDate(instant), timeZone), language);
}

/** A calendar day ("YYYY-MM-DD") exactly as written, whatever the time zone: "03/12/2026" / "3 Dec 2026". */
export function formatDay(value: string, language: DateLanguage): string {
  const [year = "1970", month = "01", day = "01"] = value.split("-");
  return dayText({ year, month, day }, language);
}
