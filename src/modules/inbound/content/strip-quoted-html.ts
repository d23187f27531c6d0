// Keeps what the person wrote now in an HTML reply: the HTML before the element each client wraps
// quoted history in, without signature elements, then through the platform's allow-list.
import sanitize from "sanitize-html";
import { sanitizeHtml } from "../../../platform/text/safe-html.js";
import { DEVICE_SIGNATURE } from "./strip-quoted-text.js";

/** Where each client starts the quoted history; everything from the first one on is history. */
const QUOTE_STARTS: { tag: string; attribute: string; value: RegExp }[] = [
  // Gmail, Thunderbird, Yahoo
  {
    tag: "div",
    attribute: "class",
    value: /\b(gmail_quote|gmail_quote_container|moz-cite-prefix|yahoo_quoted)\b/i,
  },
  // Outlook on the web and 365, new Outlook
  {
    tag: "div",
    attribute: "id",
    value: /^(appendonsend|divRplyFwdMsg|mail-editor-reference-message-container)$/i,
  },
  // Outlook desktop (Word HTML): the rule above its "De:/Enviado:" block
  { tag: "div", attribute: "style", value: /border-top\s*:\s*solid\s+#(e1e1e1|b5c4df)\b/i },
  // Apple Mail, Thunderbird
  { tag: "blockquote", attribute: "type", value: /^cite$/i },
];
const SIGNATURE_CLASSES = /\b(gmail_signature|gmail_signature_prefix|moz-signature)\b/i;
const SIGNATURE_IDS = /^ms-outlook-mobile-signature$/i;
const BLANK_TAGS = ["<br />", "<hr />"];

export function stripQuotedHtml(html: string): { html: string; hasQuoteMarker: boolean } {
  const cut = quoteStartIndex(html);
  return { html: cleanReplyHtml(cut === -1 ? html : html.slice(0, cut)), hasQuoteMarker: cut !== -1 };
}

/** The HTML without signature elements, through the allow-list, without blank ends. */
export function cleanReplyHtml(html: string): string {
  return trimBlankEnds(sanitizeHtml(withoutSignatures(html)));
}

/** Scans tag by tag, in one pass: no pattern ever spans more than one attribute. */
function quoteStartIndex(html: string): number {
  for (let start = html.indexOf("<"); start !== -1; ) {
    const end = html.indexOf(">", start);
    if (end === -1) return -1;
    if (isQuoteStart(html.slice(start, end + 1))) return start;
    start = html.indexOf("<", end);
  }
  return -1;
}

function isQuoteStart(tag: string): boolean {
  const name = /^<([a-z][a-z0-9]*)/i.exec(tag)?.[1]?.toLowerCase();
  const candidates = QUOTE_STARTS.filter((start) => start.tag === name);
  if (candidates.length === 0) return false;
  const attributes = attributesOf(tag);
  return candidates.some((start) => start.value.test(attributes.get(start.attribute) ?? ""));
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name = "", quoted, single, bare] of tag.matchAll(
    /\s([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi,
  )) {
    const key = name.toLowerCase();
    if (!attributes.has(key)) attributes.set(key, quoted ?? single ?? bare ?? "");
  }
  return attributes;
}

/**
 * Drops signature elements, and turns block `div`s into paragraphs: the allow-list has no `div`, and
 * without a block around them the lines of a Gmail or Outlook message would run together.
 */
function withoutSignatures(html: string): string {
  return sanitize(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    transformTags: { div: "p" },
    exclusiveFilter: (frame) =>
      SIGNATURE_CLASSES.test(frame.attribs.class ?? "") ||
      SIGNATURE_IDS.test(frame.attribs.id ?? "") ||
      isDeviceSignature(frame.text),
  });
}

function isDeviceSignature(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 80 && DEVICE_SIGNATURE.test(trimmed);
}

/**
 * Drops blank lines and empty paragraphs at both ends (what is left of the markup around a cut quote).
 * Works from the ends inwards, so the cost stays linear whatever the message.
 */
function trimBlankEnds(html: string): string {
  let start = 0;
  let end = html.length;
  for (let moved = true; moved && start < end; ) {
    const [nextStart, nextEnd] = [leadingBlankEnd(html, start, end), trailingBlankStart(html, start, end)];
    moved = nextStart !== start || nextEnd !== end;
    [start, end] = [nextStart, Math.max(nextStart, nextEnd)];
  }
  return html.slice(start, end);
}

function leadingBlankEnd(html: string, start: number, end: number): number {
  if (/\s/.test(html[start] ?? "")) return start + 1;
  const tag = BLANK_TAGS.find((blank) => html.startsWith(blank, start));
  if (tag) return start + tag.length;
  if (!html.startsWith("<p>", start)) return start;
  const close = html.indexOf("</p>", start);
  if (close === -1 || close + 4 > end || !isBlankInside(html.slice(start + 3, close))) return start;
  return close + 4;
}

function trailingBlankStart(html: string, start: number, end: number): number {
  if (/\s/.test(html[end - 1] ?? "")) return end - 1;
  const tag = BLANK_TAGS.find(
    (blank) => end - blank.length >= start && html.startsWith(blank, end - blank.length),
  );
  if (tag) return end - tag.length;
  if (!html.startsWith("</p>", end - 4)) return end;
  const open = html.lastIndexOf("<p>", end - 4);
  if (open < start || !isBlankInside(html.slice(open + 3, end - 4))) return end;
  return open;
}

const isBlankInside = (inner: string) => /^(\s|&nbsp;|<br \/>)*$/.test(inner);

/** True when the HTML shows no text: only tags, spaces and non-breaking spaces. One pass, no regex. */
export function isBlankHtml(html: string): boolean {
  let inTag = false;
  for (let at = 0; at < html.length; at++) {
    const char = html[at] ?? "";
    if (inTag || char === "<") {
      inTag = char !== ">";
      continue;
    }
    const entity = ["&nbsp;", "&#160;"].find((candidate) => html.startsWith(candidate, at));
    if (entity) at += entity.length - 1;
    else if (char.trim() !== "") return false;
  }
  return true;
}
