// What the person wrote now, as text and as safe HTML. The original message is stored elsewhere;
// this is what a helpdesk message shows. Losing a reply is worse than showing a quote, so when
// stripping would leave nothing the whole message is kept.
import { sanitizeHtml } from "../../../platform/text/safe-html.js";
import type { ParsedEmail } from "./parse-email.js";
import { cleanReplyHtml, isBlankHtml, stripQuotedHtml } from "./strip-quoted-html.js";
import { stripQuotedText } from "./strip-quoted-text.js";

export function extractReply(parsed: ParsedEmail): { text: string; html: string } {
  const wholeText = normalizeText(parsed.text);
  const strippedText = stripQuotedText(wholeText);
  const text = strippedText === "" ? wholeText : strippedText;
  return { text, html: replyHtml(parsed.html, text, text !== wholeText) };
}

function replyHtml(html: string | null, text: string, textWasStripped: boolean): string {
  if (html === null || isBlankHtml(html)) return textToSafeHtml(text);
  const stripped = stripQuotedHtml(html);
  if (stripped.hasQuoteMarker && !isBlankHtml(stripped.html)) return stripped.html;
  if (stripped.hasQuoteMarker) return cleanReplyHtml(html);
  // No client marker in the HTML, but the text shows history (an Outlook desktop or an unknown
  // client): the kept text is the better account of what was written now.
  return textWasStripped ? textToSafeHtml(text) : stripped.html;
}

function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/** Plain text as HTML: escaped, blank lines between paragraphs, line breaks kept. */
export function textToSafeHtml(text: string): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br />")}</p>`);
  return sanitizeHtml(paragraphs.join(""));
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
