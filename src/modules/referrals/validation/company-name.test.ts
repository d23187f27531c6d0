import { describe, expect, it } from "vitest";
import { normalizeCompanyName } from "./company-name.js";

describe("company name normalization", () => {
  it.each([
    ["Acme Software Ltda.", "acme software"],
    ["ACME SOFTWARE S.A.", "acme software"],
    ["Acme Software - ME", "acme software"],
    ["Ácme  Software EIRELI", "acme software"],
    ["Acme Software S/A", "acme software"],
    ["Silva & Filhos Cia", "silva e filhos"],
    ["Padaria São João Sociedade Anônima", "padaria sao joao"],
    ["Mesa Digital", "mesa digital"],
    ["ME Consultoria", "me consultoria"],
    ["Ltda", ""],
  ])("%s → %s", (input, expected) => {
    expect(normalizeCompanyName(input)).toBe(expected);
  });
});
