import { describe, expect, it } from "vitest";
import { isUsableCompanyName, normalizeCompanyName } from "./company-name.js";

// The key is a confusable skeleton (not meant to be read: "m" becomes "rn"), so the cases say which
// names share a key rather than spelling the key out.
const sameKey = (a: string, b: string) => expect(normalizeCompanyName(a)).toBe(normalizeCompanyName(b));

describe("normalizeCompanyName", () => {
  it.each([
    ["Acme Software Ltda."],
    ["ACME SOFTWARE S.A."],
    ["Acme Software - ME"],
    ["Ácme  Software EIRELI"],
    ["Acme Software S/A"],
    ["Acme Software S. A."],
    ["Acme Software SA"],
    ["Acme Software Ltda. - EPP"],
    ["Acme Software Sociedade Anônima"],
    ["Acme Software Limitada"],
    ["Acme Software SLU"],
    ["Acme Software MEI"],
  ])("the legal form goes: %s is Acme Software", (input) => {
    sameKey(input, "acme software");
  });

  it.each([
    ["Silva & Filhos Cia", "silva e filhos"],
    ["Silva & Cia. Ltda.", "silva"],
    ["Silva e Companhia", "silva"],
    ["Padaria São João Sociedade Anônima", "padaria sao joao"],
    ["Café-Expresso, Comércio!", "cafe expresso comercio"],
  ])("accents, '&', punctuation and spacing go: %s is %s", (input, plain) => {
    sameKey(input, plain);
  });

  it.each([
    ["Mesa Digital", 2],
    ["ME Consultoria", 2],
    ["SA Digital", 2],
    ["Companhia Paulista de Força e Luz S.A.", 6],
    ["Lima e Filhos", 3],
  ])("words that only contain or start like a legal form stay: %s keeps %i words", (input, words) => {
    expect(normalizeCompanyName(input).split(" ")).toHaveLength(words);
  });

  it.each([
    ["a zero-width space", "Ac\u200Bme Software"],
    ["a zero-width joiner and a soft hyphen", "Ac\u200Dme Soft\u00ADware"],
    ["a Cyrillic е", "Acm\u0435 Software"],
    ["a Cyrillic А and о", "\u0410cme S\u043Eftware"],
    ["a Greek omicron", "Acme S\u03BFftware"],
    ["full-width letters (NFKC)", "\uFF21\uFF43\uFF4D\uFF45 Software"],
    ["a right-to-left override", "Acme \u202ESoftware\u202C"],
    ["a legal form typed with a look-alike", "Acme Software Ltd\u0430"],
  ])("a look-alike is the same company: %s", (_case, input) => {
    sameKey(input, "Acme Software");
  });

  it("different names stay different", () => {
    expect(normalizeCompanyName("Acme Software")).not.toBe(normalizeCompanyName("Acne Software"));
    expect(normalizeCompanyName("Acme Software")).not.toBe(normalizeCompanyName("Acme Hardware"));
  });

  it.each([
    ["Ltda"],
    ["S.A."],
    ["ME - EPP"],
    ["Cia. Ltda."],
    ["  "],
    [""],
    ["\u200B\u200B"],
    ["\u202E\u202C"],
  ])("a name made only of legal forms or invisible characters is empty and unusable: %j", (input) => {
    expect(normalizeCompanyName(input)).toBe("");
    expect(isUsableCompanyName(input)).toBe(false);
  });
});
