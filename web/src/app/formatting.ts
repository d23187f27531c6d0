import { useMemo } from "react";
import { useTranslation } from "react-i18next";

export type Formatters = {
  /** An instant (ISO timestamp) as a date and time in the browser's time zone. */
  dateTime(iso: string): string;
  /** An instant as a date only. */
  date(iso: string): string;
  /** A calendar day ("YYYY-MM-DD") exactly as written, whatever the time zone. */
  day(value: string): string;
  /** A month ("YYYY-MM") in words: "março de 2027". */
  month(value: string): string;
};

// Calendar days and months are not instants: read and shown in UTC so no time zone moves them.
function utcDate(value: string): Date {
  const [year = 1970, month = 1, day = 1] = value.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "pt-BR";
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: "short", timeStyle: "short" });
    const date = new Intl.DateTimeFormat(language, { dateStyle: "short" });
    const day = new Intl.DateTimeFormat(language, { dateStyle: "short", timeZone: "UTC" });
    const month = new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" });
    return {
      dateTime: (iso) => dateTime.format(new Date(iso)),
      date: (iso) => date.format(new Date(iso)),
      day: (value) => day.format(utcDate(value)),
      month: (value) => month.format(utcDate(`${value}-01`)),
    };
  }, [language]);
}

/** Today as "YYYY-MM-DD" in the browser's time zone, the default for date inputs. */
export function todayIsoDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
