import { useTranslation } from "react-i18next";
import type { HelpdeskMessages } from "./locales/helpdesk/pt-BR";

type Plural = "zero" | "one" | "two" | "few" | "many" | "other";

/** Every key of the helpdesk namespace ("admin.views.mine"); plural forms under their base key. */
type KeysOf<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? K extends `${infer Base}_${Plural}`
      ? `${Prefix}${Base}`
      : `${Prefix}${K}`
    : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type HelpdeskKey = KeysOf<HelpdeskMessages>;
export type HelpdeskT = (key: HelpdeskKey, options?: Record<string, unknown>) => string;

/**
 * The helpdesk's words, typed by their own key union: the "helpdesk" namespace stays out of the app-wide
 * i18next types (i18n.ts), where more keys make TypeScript give up on some checks of other pages.
 */
export function useHelpdeskTranslation(): { th: HelpdeskT } {
  const { t } = useTranslation();
  const translate = t as unknown as (key: string, options: Record<string, unknown>) => string;
  return { th: (key, options) => translate(key, { ...options, ns: "helpdesk" }) };
}
