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

/**
 * The supported locale an `Accept-Language` header prefers ("en-US,en;q=0.9" → "en"; "fr, en;q=0.5" →
 * "en"), by its q-values; undefined when it names none we speak.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  const ranges = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((range) => range.q > 0 && (range.tag.startsWith("en") || range.tag.startsWith("pt")))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges[0] ? resolveLocale(ranges[0].tag) : undefined;
}
