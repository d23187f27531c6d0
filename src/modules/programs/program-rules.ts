// The shapes of a program's texts, stored as JSON on its row: the rules and tips of its public page,
// and the contact reasons its helpdesk offers.
import { z } from "zod";
import { ZLocalizedText } from "../../shared/localized-text.js";

export const ZContactReason = z.object({ code: z.string().regex(/^[a-z0-9_]+$/), label: ZLocalizedText });
export type TContactReason = z.infer<typeof ZContactReason>;

/** Human-readable program rules shown on the landing page and quoted in e-mails. */
export const ZProgramRules = z.object({
  summary: ZLocalizedText,
  sections: z.array(z.object({ key: z.string(), title: ZLocalizedText, items: z.array(ZLocalizedText) })),
  tips: z.array(ZLocalizedText),
});
export type TProgramRules = z.infer<typeof ZProgramRules>;
