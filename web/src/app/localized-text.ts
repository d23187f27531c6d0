import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../api/reward-types";

/** Picks the text in the page's language; pt-BR when that translation is missing. */
export function useLocalizedText(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.resolvedLanguage === "en" && text.en ? text.en : text["pt-BR"]);
}
