import { useTranslation } from "react-i18next";
import type { LocalizedWords, Words } from "./portal-referrals-api";

/** Picks the policy's words in the page's language; pt-BR is the program's first language. */
export function usePolicyWords(): (words: LocalizedWords) => Words {
  const { i18n } = useTranslation();
  return (words) => (i18n.resolvedLanguage === "en" ? words.en : words["pt-BR"]);
}
