// A text in the product's two languages, pt-BR first (DESIGN.md): program rules, catalog items,
// materials, contact reasons. The server validates it with the schema; the web app picks a language.
import { z } from "zod";

export const ZLocalizedText = z.object({ "pt-BR": z.string(), en: z.string() }).meta({ id: "LocalizedText" });
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

/** The text in `language`, or pt-BR when that translation is missing. */
export function localizedText(text: TLocalizedText, language: string | undefined): string {
  return language === "en" && text.en ? text.en : text["pt-BR"];
}
