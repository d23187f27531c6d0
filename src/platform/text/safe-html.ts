// HTML that came from people (Markdown written by admins, messages, e-mails) is sanitised before it is
// stored or shown: an allow-list of formatting tags, links only to http(s)/mailto, and every link opens
// outside with no referrer. Nothing can run script, load frames or style the page.
import { Marked } from "marked";
import sanitize from "sanitize-html";

const options: sanitize.IOptions = {
  allowedTags: [
    "p",
    "br",
    "hr",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "blockquote",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitize.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
    // Page-level headings belong to the page around the text.
    h1: "h2",
  },
};

export function sanitizeHtml(html: string): string {
  return sanitize(html, options);
}

const markdown = new Marked({ gfm: true, breaks: true, async: false });

/** Markdown to safe HTML (raw HTML inside the Markdown goes through the same allow-list). */
export function renderSafeMarkdown(source: string): string {
  return sanitizeHtml(markdown.parse(source) as string);
}
