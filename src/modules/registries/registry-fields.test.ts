import { describe, expect, it } from "vitest";
import { columnOfHeader, headerProblem } from "./registry-columns.js";
import { normalizeRegistryDomain, parseCustomerStatus, parseRegistryDate } from "./registry-fields.js";

describe("registry fields", () => {
  it.each([
    ["2026-03-15", "2026-03-15"],
    ["15/03/2026", "2026-03-15"],
    ["5/3/2026", "2026-03-05"],
    ["31/02/2026", null],
    ["2026-13-01", null],
    ["03/15/2026", null],
    ["ontem", null],
  ])("the date %s reads as %s", (given, expected) => {
    expect(parseRegistryDate(given)).toBe(expected);
  });

  it.each([
    ["https://www.Acme.com.br/contato?x=1", "acme.com.br"],
    ["loja.acme.com.br", "acme.com.br"],
    ["ACME.COM:8080", "acme.com"],
    ["açaí.com.br", "açaí.com.br"],
    ["acme", null],
    ["nome@acme.com", null],
  ])("the domain %s reads as %s", (given, expected) => {
    expect(normalizeRegistryDomain(given)).toBe(expected);
  });

  it("reads the status in Portuguese or English", () => {
    expect(["Ativo", "ativa", "ACTIVE"].map(parseCustomerStatus)).toEqual(["active", "active", "active"]);
    expect(["inativo", "Cancelado", "churned"].map(parseCustomerStatus)).toEqual([
      "churned",
      "churned",
      "churned",
    ]);
    expect(parseCustomerStatus("pausado")).toBeNull();
  });

  it("matches headers whatever their case, accents, spaces or hyphens", () => {
    expect(["Domínio", "DATA ENTRADA", "e-mail", "Razão Social", "churned_on"].map(columnOfHeader)).toEqual([
      "domain",
      "enteredOn",
      "email",
      "name",
      "churnedOn",
    ]);
    expect(columnOfHeader("observações")).toBeUndefined();
  });

  it("says what a header line lacks", () => {
    expect(headerProblem("customers", ["cnpj", "status"])).toBeNull();
    expect(headerProblem("customers", ["12345678000195", "ativo"])).toMatch(
      /first line must name the columns/,
    );
    expect(headerProblem("customers", ["cnpj", "nome"])).toMatch(/status/);
    expect(headerProblem("pipeline", ["nome", "data_entrada"])).toMatch(/cnpj, dominio\/domain, email/);
    expect(headerProblem("partner-customers", ["nome"])).toBeNull();
  });
});
