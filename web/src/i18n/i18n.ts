import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import {
  defaultLanguage,
  type Language,
  languageFromLocale,
  storedLanguage,
  storeLanguage,
  supportedLanguages,
} from "./language";
import { en } from "./locales/en";
import { helpdeskEn } from "./locales/helpdesk/en";
import { helpdeskPtBR } from "./locales/helpdesk/pt-BR";
import { type Messages, ptBR } from "./locales/pt-BR";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}

function reflectLanguageInDocument(language: string): void {
  document.documentElement.lang = language;
}

i18next.on("languageChanged", reflectLanguageInDocument);

export const i18nReady = i18next.use(initReactI18next).init({
  resources: {
    // The helpdesk's namespace is typed by its own hook (helpdesk-translation.ts), not here: one more
    // namespace in CustomTypeOptions makes some of TypeScript's key checks too deep to compute.
    "pt-BR": { translation: ptBR, helpdesk: helpdeskPtBR },
    en: { translation: en, helpdesk: helpdeskEn },
  },
  lng: storedLanguage() ?? defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...supportedLanguages],
  // React escapes what it renders; escaping here too would show "&amp;" in names.
  interpolation: { escapeValue: false },
});

/** The language switch: takes effect at once and is remembered in this browser. */
export function chooseLanguage(language: Language): void {
  storeLanguage(language);
  void i18next.changeLanguage(language);
}

/** A signed-in profile's locale applies only until the person picks a language with the switch. */
export function adoptProfileLocale(locale: string): void {
  const language = languageFromLocale(locale);
  if (storedLanguage() || !language || language === i18next.language) return;
  void i18next.changeLanguage(language);
}

export { i18next };
