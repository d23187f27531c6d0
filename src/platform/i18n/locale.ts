export const locales = ["pt-BR", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "pt-BR";

/** Maps anything a user or browser sends ("en-US", "pt", "PT-br") to a supported locale. */
export function resolveLocale(value: string | null | undefined): Locale {
  const lower = (value ?? "").toLowerCase();
  if (lower.startsWith("en")) return "en";
  return defaultLocale;
}

export type Localized<T> = Record<Locale, T>;
