// Keeps what the person wrote now in a plain-text reply: everything above the first sign of quoted
// history or signature, without `>` lines. Line by line with anchored patterns, so a hostile message
// costs linear time (a library we measured backtracks quadratically on one long line).

/** Lines longer than this are prose, never a reply header or a signature line. */
const MAX_MARKER_LINE = 400;

// "Em sex., 20 de nov. de 2026 às 10:15, Nome <a@b> escreveu:" / "On Fri, Nov 20, 2026 at ... wrote:"
const ATTRIBUTION_START = /^\s*(em|on|el)\s/i;
const ATTRIBUTION_END = /(escreveu|wrote|escribió)\s*:\s*$/i;
const ORIGINAL_MESSAGE = /^\s*-{3,}\s*(mensagem original|original message|mensaje original)\s*-{3,}\s*$/i;
// Outlook's header block: "De: … Enviado: … Para: … Assunto: …" (bold turns into *De:* in text parts).
const HEADER_FROM = /^\s*\*?(de|from)\s*:\*?\s*\S/i;
const HEADER_SENT = /^\s*\*?(enviado|enviada|sent|data|date)(\s+em)?\s*:/i;
const HEADER_SUBJECT = /^\s*\*?(assunto|subject)\s*:/i;
const HEADER_BLOCK_LINES = 6;
/** "Enviado do meu iPhone", "Sent from Outlook", "Get Outlook for Android" and their kin. */
export const DEVICE_SIGNATURE =
  /^\s*(enviad[oa] (do|de|pelo|a partir d[oe])\s|sent (from|with|using)\s|obter o outlook para\s|get outlook for\s)/i;
const MAX_DEVICE_SIGNATURE = 80;
const SEPARATOR = /^\s*(_{5,}|-{5,})\s*$/;

export function stripQuotedText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept = withoutQuotedLines(lines.slice(0, firstMarkerIndex(lines)));
  return tidy(kept);
}

function firstMarkerIndex(lines: string[]): number {
  const index = lines.findIndex((_, at) => isMarkerAt(lines, at));
  return index === -1 ? lines.length : index;
}

function isMarkerAt(lines: string[], at: number): boolean {
  const line = lines[at] ?? "";
  if (line.length > MAX_MARKER_LINE) return false;
  return (
    isAttributionAt(lines, at) ||
    ORIGINAL_MESSAGE.test(line) ||
    isHeaderBlockAt(lines, at) ||
    (line.length <= MAX_DEVICE_SIGNATURE && DEVICE_SIGNATURE.test(line)) ||
    // RFC 3676 §4.3 signature separator "-- "; many clients drop the trailing space.
    line.trimEnd() === "--"
  );
}

/** The attribution may be wrapped over up to three lines (Gmail wraps before the address). */
function isAttributionAt(lines: string[], at: number): boolean {
  const first = lines[at] ?? "";
  if (!ATTRIBUTION_START.test(first)) return false;
  let header = "";
  for (let next = at; next < Math.min(at + 3, lines.length); next++) {
    const line = lines[next] ?? "";
    if (line.trim() === "" || line.length > MAX_MARKER_LINE) return false;
    header += ` ${line}`;
    // A date is what tells a reply header from a sentence that starts with "Em".
    if (ATTRIBUTION_END.test(line)) return /\d/.test(header);
  }
  return false;
}

function isHeaderBlockAt(lines: string[], at: number): boolean {
  if (!HEADER_FROM.test(lines[at] ?? "")) return false;
  const block = lines.slice(at + 1, at + 1 + HEADER_BLOCK_LINES);
  return block.some((line) => HEADER_SENT.test(line)) && block.some((line) => HEADER_SUBJECT.test(line));
}

const isQuoted = (line: string) => /^\s*>/.test(line);

/**
 * Drops `>` lines and the "X escreveu:" line that introduces them. When the person answered between
 * quoted lines, the quotes are the context of the answers and stay.
 */
function withoutQuotedLines(lines: string[]): string[] {
  const firstQuoted = lines.findIndex(isQuoted);
  if (firstQuoted === -1) return lines;
  const answersInline = lines.slice(firstQuoted).some((line) => line.trim() !== "" && !isQuoted(line));
  if (answersInline) return lines;
  const before = lines.slice(0, firstQuoted);
  const lastWritten = before.findLastIndex((line) => line.trim() !== "");
  const introducesQuote = lastWritten !== -1 && ATTRIBUTION_END.test(before[lastWritten] ?? "");
  return introducesQuote ? before.slice(0, lastWritten) : before;
}

function tidy(lines: string[]): string {
  const trimmed = lines.map((line) => line.trimEnd());
  // Outlook puts a line of underscores above its header block.
  while (trimmed.length > 0 && (trimmed.at(-1) === "" || SEPARATOR.test(trimmed.at(-1) ?? ""))) trimmed.pop();
  return trimmed
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\s*\n/, "")
    .trimEnd();
}
