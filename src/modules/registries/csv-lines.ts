// Streams a CSV file as records, one at a time, whatever its size: memory holds one chunk and the
// parser's buffer, never the file. The input is fed to the parser in slices of at most 64 KB with a
// turn of the event loop between them, so however the file arrives (one 50 MB buffer, or a malformed
// file whose every line is an error) the process keeps answering other requests while it is read. Brazilian spreadsheets export with `;` and often in Windows-1252
// rather than UTF-8, so both the delimiter and the encoding are detected from the file itself.
import { isAscii } from "node:buffer";
import { pipeline, Readable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { TextDecoder } from "node:util";
import { CsvError, parse } from "csv-parse";

export type CsvLine =
  | { line: number; record: Record<string, string> }
  /** A line the parser could not read (a broken quote); the lines after it are still read. */
  | { line: number; unreadable: string };

export type CsvOptions = {
  /** Receives the header cells; returns the key for each column, or false to drop the column. May throw. */
  columns(header: string[]): (string | false)[];
};

/** Thrown when the file is not CSV at all; row-level problems are yielded as `unreadable` lines. */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvFileError";
  }
}

type ParsedRecord = { record: Record<string, string>; info: { lines: number } };

/** No registry row comes near this; a longer "line" means the file is not CSV (or not text). */
const MAX_LINE_CHARS = 64 * 1024;

export async function* readCsvLines(
  input: AsyncIterable<Buffer | string>,
  options: CsvOptions,
): AsyncGenerator<CsvLine> {
  const text = decodeText(inSlices(input))[Symbol.asyncIterator]();
  const head = await readUntilFirstLine(text);
  const problems: CsvLine[] = [];
  let lastLine = 1; // where the previous record (or the header) ended, as the parser reads
  const unreadable = (to: number, reason: string) => {
    const from = Math.min(lastLine + 1, to);
    const where = from === to ? `Line ${to}` : `Lines ${from}–${to}`;
    problems.push({ line: from, unreadable: `${where} could not be read: ${reason}` });
    lastLine = to;
  };
  const parser = parse({
    columns: options.columns,
    delimiter: detectDelimiter(head),
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    // Keeps `Empresa "X" Ltda` as written. No `trim` here: combined with record skipping it makes
    // csv-parse 7 stop reading silently after a broken quote, so values are trimmed by the caller.
    relax_quotes: true,
    max_record_size: MAX_LINE_CHARS,
    skip_records_with_error: true,
    // Registry values never hold line breaks: a record that does swallowed the lines after an
    // unclosed quote, so it is reported (with the lines it covers) instead of imported.
    // (With `info`, csv-parse hands this callback the { record, info } pair it is about to emit.)
    on_record: (item: ParsedRecord, context) => {
      if (Object.values(item.record).some((value) => /[\r\n]/.test(value))) {
        unreadable(context.lines, "a quote on the first of them is not closed on that line.");
        return null;
      }
      lastLine = context.lines;
      return item;
    },
    on_skip: (error) => {
      if (!error) return;
      const line = typeof error.lines === "number" ? error.lines : lastLine + 1;
      // After this error csv-parse 7 reads nothing more, so it must stop the import, not skip a row.
      if (error.code === "CSV_MAX_RECORD_SIZE") {
        const tooLong = new CsvFileError(`a line is longer than ${MAX_LINE_CHARS / 1024} KB`, line);
        queueMicrotask(() => parser.destroy(tooLong));
        return;
      }
      unreadable(line, error.message);
    },
  });
  const source = Readable.from(prepend(head, text));
  pipeline(source, parser, () => {}); // errors surface through the parser, below
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      yield* problems.splice(0);
      yield { line: info.lines, record };
    }
    yield* problems.splice(0);
  } catch (error) {
    if (error instanceof CsvError) throw new CsvFileError(error.message, parser.info.lines);
    throw error;
  } finally {
    source.destroy();
  }
}

async function* prepend(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (head) yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Reads until the first non-blank line is complete (or the file ends); returns what was read. */
async function readUntilFirstLine(text: AsyncIterator<string>): Promise<string> {
  let head = "";
  while (!/\S[^\r\n]*[\r\n]/.test(head) && head.length <= MAX_LINE_CHARS) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
  }
  return head;
}

/** `;` or `,`, whichever the header line uses more often outside quotes. */
export function detectDelimiter(head: string): ";" | "," {
  const headerLine = head.split(/\r\n|\r|\n/).find((line) => line.trim() !== "") ?? "";
  let semicolons = 0;
  let commas = 0;
  let isQuoted = false;
  for (const char of headerLine) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && char === ";") semicolons++;
    else if (!isQuoted && char === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

const SLICE_BYTES = 64 * 1024;

/** `input` in pieces of at most SLICE_BYTES, yielding to the event loop after each. */
async function* inSlices(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  for await (const chunk of input) {
    for (let start = 0; start < chunk.length; ) {
      let end = Math.min(start + SLICE_BYTES, chunk.length);
      if (typeof chunk === "string") {
        // Cut between UTF-16 code units, never inside a surrogate pair.
        if (isHighSurrogate(chunk.charCodeAt(end - 1)) && end < chunk.length) end++;
        yield chunk.slice(start, end);
      } else {
        yield chunk.subarray(start, end); // the decoder below joins a character cut in two
      }
      start = end;
      await nextTurn();
    }
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * UTF-8 unless the first bytes beyond ASCII are not valid UTF-8, then Windows-1252 (what Excel in
 * pt-BR writes for "CSV (separado por vírgulas)"). Until such a byte arrives both read the same.
 */
async function* decodeText(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of input) {
    if (typeof chunk === "string") {
      yield chunk;
      continue;
    }
    if (!decoder && isAscii(chunk)) {
      yield chunk.toString("latin1");
      continue;
    }
    decoder ??= isUtf8Start(chunk) ? new TextDecoder("utf-8") : new TextDecoder("windows-1252");
    yield decoder.decode(chunk, { stream: true });
  }
  const rest = decoder?.decode();
  if (rest) yield rest;
}

function isUtf8Start(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
