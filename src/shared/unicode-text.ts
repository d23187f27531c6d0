// Characters a person never needs in a name or a subject, and an attacker uses to make two strings look
// alike or to reorder what a reader sees (UTS #39 §4, UAX #9 "Trojan Source").

// Bidirectional formatting characters (UAX #9 Bidi_Control: the embeddings, overrides and isolates, and
// the marks LRM, RLM, ALM): a right-to-left override makes "gpj.exe" read as "exe.jpg".
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;

// Invisible characters: Default_Ignorable_Code_Point (UAX #44) covers the zero-width space and joiners,
// the soft hyphen, word joiner, variation selectors and Hangul fillers; the bidi controls come with it.
const INVISIBLES = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/gu;

/** The text as stored and shown: without bidi controls, so it reads in the order it was typed. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** The text without any character that renders as nothing (for comparing, not for showing). */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLES, "");
}
