import { cnpj as referenceCnpj } from "cpf-cnpj-validator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cnpjRoot, formatCnpj, isValidCnpj, maskCnpj, normalizeCnpj } from "./cnpj.js";

const CNPJ_CHARS = [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
const cnpjBody = fc
  .array(fc.constantFrom(...CNPJ_CHARS), { minLength: 12, maxLength: 12 })
  .map((c) => c.join(""));
const withCheckDigits = (body: string) => {
  const first = referenceCnpj.verifierDigit(body);
  return `${body}${first}${referenceCnpj.verifierDigit(`${body}${first}`)}`;
};

describe("isValidCnpj", () => {
  it.each([
    ["the official alphanumeric example, masked", "12.ABC.345/01DE-35"],
    ["the official alphanumeric example, unmasked", "12ABC34501DE35"],
    ["the official alphanumeric example in lower case", "12.abc.345/01de-35"],
    ["a numeric CNPJ, masked", "11.222.333/0001-81"],
    ["another numeric CNPJ, masked", "11.444.777/0001-61"],
    ["a numeric CNPJ, unmasked", "11222333000181"],
    ["a numeric CNPJ with spaces around the mask", " 11 222 333 / 0001 - 81 "],
  ])("accepts %s (%s)", (_case, input) => {
    expect(isValidCnpj(input)).toBe(true);
  });

  it.each([
    ["a wrong second check digit (alphanumeric)", "12.ABC.345/01DE-36"],
    ["a wrong first check digit (alphanumeric)", "12.ABC.345/01DE-45"],
    ["a wrong check digit (numeric)", "11.222.333/0001-82"],
    ["13 characters", "11.222.333/0001-8"],
    ["15 characters", "11.222.333/0001-811"],
    ["letters in the check-digit positions", "12ABC34501DEAB"],
    ["a letter as one check digit", "12ABC34501DE3A"],
    ["all zeros", "00.000.000/0000-00"],
    ["all the same digit", "11111111111111"],
    ["characters outside the mask", "12#ABC345@01DE35"],
    ["an accented letter", "12ÁBC34501DE35"],
    ["an empty string", ""],
  ])("refuses %s (%s)", (_case, input) => {
    expect(isValidCnpj(input)).toBe(false);
  });

  it("agrees with cpf-cnpj-validator on bodies completed with their check digits", () => {
    fc.assert(
      fc.property(cnpjBody, (body) => {
        const cnpj = withCheckDigits(body);
        expect(isValidCnpj(cnpj)).toBe(referenceCnpj.isValid(cnpj, true));
        expect(isValidCnpj(referenceCnpj.format(cnpj))).toBe(referenceCnpj.isValid(cnpj, true));
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with cpf-cnpj-validator on any 14 characters, mostly invalid", () => {
    const anyCheckDigits = fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }));
    fc.assert(
      fc.property(cnpjBody, anyCheckDigits, (body, [a, b]) => {
        const cnpj = `${body}${a}${b}`;
        expect(isValidCnpj(cnpj)).toBe(referenceCnpj.isValid(cnpj, true));
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses a valid CNPJ with either check digit changed", () => {
    fc.assert(
      fc.property(
        cnpjBody,
        fc.integer({ min: 12, max: 13 }),
        fc.integer({ min: 1, max: 9 }),
        (body, at, shift) => {
          const cnpj = withCheckDigits(body);
          fc.pre(isValidCnpj(cnpj));
          const changed = `${cnpj.slice(0, at)}${(Number(cnpj[at]) + shift) % 10}${cnpj.slice(at + 1)}`;
          expect(isValidCnpj(changed)).toBe(false);
        },
      ),
    );
  });
});

describe("normalizeCnpj", () => {
  it.each([
    ["removes the mask and upper-cases", " 12.abc.345/01de-35 ", "12ABC34501DE35"],
    ["keeps an unmasked numeric CNPJ", "11222333000181", "11222333000181"],
    ["does not check the digits (shape only)", "11.222.333/0001-82", "11222333000182"],
    ["refuses a short input", "12.ABC", null],
    ["refuses letters in the check-digit positions", "12ABC34501DEAB", null],
    ["refuses other punctuation", "12,ABC,345/01DE-35", null],
  ])("%s", (_case, input, expected) => {
    expect(normalizeCnpj(input)).toBe(expected);
  });
});

describe("cnpjRoot", () => {
  it.each([
    ["an alphanumeric CNPJ", "12ABC34501DE35", "12ABC345"],
    ["a branch shares its head office's root", "11222333000262", "11222333"],
  ])("takes the first 8 characters of %s", (_case, normalized, root) => {
    expect(cnpjRoot(normalized)).toBe(root);
  });
});

describe("maskCnpj and formatCnpj", () => {
  it("punctuates a CNPJ as it is typed, numeric or alphanumeric", () => {
    expect(maskCnpj("11")).toBe("11");
    expect(maskCnpj("11222")).toBe("11.222");
    expect(maskCnpj("112223330001")).toBe("11.222.333/0001");
    expect(maskCnpj("11222333000181")).toBe("11.222.333/0001-81");
    expect(maskCnpj("12abc34501de35xyz")).toBe("12.ABC.345/01DE-35");
  });

  it("formats a stored CNPJ and leaves anything else as it is", () => {
    expect(formatCnpj("11222333000181")).toBe("11.222.333/0001-81");
    expect(formatCnpj("12ABC34501DE35")).toBe("12.ABC.345/01DE-35");
    expect(formatCnpj("123")).toBe("123");
  });
});
