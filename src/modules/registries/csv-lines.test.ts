import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CsvFileError, type CsvLine, detectDelimiter, readCsvLines } from "./csv-lines.js";

async function linesOf(...chunks: (Buffer | string)[]): Promise<CsvLine[]> {
  const lines: CsvLine[] = [];
  for await (const line of readCsvLines(Readable.from(chunks), { columns: (header) => header }))
    lines.push(line);
  return lines;
}

describe("reading registry CSV files", () => {
  it("takes the delimiter the header line uses, ignoring quoted ones", () => {
    expect(detectDelimiter("cnpj;nome;status\n1,2,3")).toBe(";");
    expect(detectDelimiter("\n\ncnpj,nome\n")).toBe(",");
    expect(detectDelimiter('"nome; razão";cnpj,x,y\n')).toBe(",");
    expect(detectDelimiter("cnpj\n")).toBe(",");
  });

  it("reads Windows-1252 text as Excel in pt-BR writes it, even when the accents come after the first chunk", async () => {
    const lines = await linesOf(
      Buffer.from("nome;status\nAcme;ativo\n"),
      Buffer.from("Padaria São João;ativo\n", "latin1"),
    );
    expect(lines.at(-1)).toEqual({ line: 3, record: { nome: "Padaria São João", status: "ativo" } });
  });

  it("reads UTF-8 split inside a character, and drops the byte order mark", async () => {
    const bytes = Buffer.from("\uFEFFnome\nAção\n");
    const lines = await linesOf(bytes.subarray(0, 10), bytes.subarray(10));
    expect(lines).toEqual([{ line: 2, record: { nome: "Ação" } }]);
  });

  it("reports the lines an unclosed quote swallowed, and reads on after them", async () => {
    const lines = await linesOf('cnpj;nome\n1;"Aberta\n2;Dois\n3;"Fecha"\n4;Quatro\n');
    expect(lines[0]).toMatchObject({
      line: 2,
      unreadable: expect.stringMatching(/^Lines 2–4 could not be read/),
    });
    expect(lines[1]).toEqual({ line: 5, record: { cnpj: "4", nome: "Quatro" } });
  });

  it("stops with an error on a line no CSV row would be", async () => {
    await expect(linesOf(`cnpj\n${"x".repeat(70_000)}\n`)).rejects.toBeInstanceOf(CsvFileError);
  });
});
