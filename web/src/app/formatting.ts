import { type DateLanguage, formatDate, formatDateTime, formatDay } from "@shared/date-format";
import { createContext, useContext, useMemo } from "react";
import { useTranslation } from "react-i18next";

export type Formatters = {
  /** An instant (ISO timestamp) as a date and time in the program's time zone: "03/12/2026 18:28". */
  dateTime(iso: string): string;
  /** An instant as the date it is in the program's time zone. */
  date(iso: string): string;
  /** A calendar day ("YYYY-MM-DD") exactly as written, whatever the time zone. */
  day(value: string): string;
  /** A month ("YYYY-MM") in words: "março de 2027". */
  month(value: string): string;
};

/**
 * The time zone dates are shown in: the program's (DESIGN: "dates in the reader's locale and the
 * program's time zone"), provided by each signed-in area from its session; the browser's outside one.
 */
export const ProgramTimeZone = createContext<string | undefined>(undefined);

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language: DateLanguage = i18n.resolvedLanguage === "en" ? "en" : "pt-BR";
  const timeZone = useContext(ProgramTimeZone) ?? browserTimeZone();
  return useMemo(() => {
    // Months are not instants: read and shown in UTC so no time zone moves them.
    const month = new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" });
    return {
      dateTime: (iso) => formatDateTime(iso, language, timeZone),
      date: (iso) => formatDate(iso, language, timeZone),
      day: (value) => formatDay(value, language),
      month: (value) => month.format(new Date(`${value}-01T00:00:00Z`)),
    };
  }, [language, timeZone]);
}

/** Today as "YYYY-MM-DD" in the browser's time zone, the default for date inputs. */
export function todayIsoDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
