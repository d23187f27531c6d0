import { describe, expect, it } from "vitest";
import { normalizeCompanyName } from "./company-name.js";

describe("normalizeCompanyName", () => {
  it.each([
    ["Acme Software Ltda.", "acme software"],
    ["ACME SOFTWARE S.A.", "acme software"],
    ["Acme Software - ME", "acme software"],
    ["Ácme  Software EIRELI", "acme software"],
    ["Acme Software S/A", "acme software"],
    ["Acme Software S. A.", "acme software"],
    ["Acme Software SA", "acme software"],
    ["Acme Software Ltda. - EPP", "acme software"],
    ["Acme Software Sociedade Anônima", "acme software"],
    ["Acme Software Limitada", "acme software"],
    ["Acme Software SLU", "acme software"],
    ["Acme Software MEI", "acme software"],
  ])("the legal form goes: %s → %s", (input, expected) => {
    expect(normalizeCompanyName(input)).toBe(expected);
  });

  it.each([
    ["Silva & Filhos Cia", "silva e filhos"],
    ["Silva & Cia. Ltda.", "silva"],
    ["Silva e Companhia", "silva"],
    ["Padaria São João Sociedade Anônima", "padaria sao joao"],
    ["Café-Expresso, Comércio!", "cafe expresso comercio"],
  ])("accents, '&', punctuation and spacing go: %s → %s", (input, expected) => {
    expect(normalizeCompanyName(input)).toBe(expected);
  });

  it.each([
    ["Mesa Digital", "mesa digital"],
    ["ME Consultoria", "me consultoria"],
    ["SA Digital", "sa digital"],
    ["Companhia Paulista de Força e Luz S.A.", "companhia paulista de forca e luz"],
    ["Sampa Tecnologia", "sampa tecnologia"],
    ["Lima e Filhos", "lima e filhos"],
  ])("words that only contain or start like a legal form stay: %s → %s", (input, expected) => {
    expect(normalizeCompanyName(input)).toBe(expected);
  });

  it.each([["Ltda"], ["S.A."], ["ME - EPP"], ["Cia. Ltda."], ["  "], [""]])(
    "a name made only of legal forms is empty: %j",
    (input) => {
      expect(normalizeCompanyName(input)).toBe("");
    },
  );
});
