export const supportedLanguages = ["pt-BR", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = "pt-BR";

const storageKey = "corrente.language";

export function isLanguage(value: unknown): value is Language {
  return supportedLanguages.some((language) => language === value);
}

/** Maps a profile or browser locale ("en-US", "pt", "pt-BR") to a language we ship, if any. */
export function languageFromLocale(locale: string): Language | undefined {
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  if (primary === "pt") return "pt-BR";
  if (primary === "en") return "en";
  return undefined;
}

/** The language the person picked with the switch, kept across visits; undefined if they never did. */
export function storedLanguage(): Language | undefined {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : undefined;
  } catch {
    // Storage can be disabled (private modes, strict settings): the switch then lasts for the visit only.
    return undefined;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // See storedLanguage: nothing to do when storage is unavailable.
  }
}
