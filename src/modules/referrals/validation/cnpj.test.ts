import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cnpjRoot, isValidCnpj, normalizeCnpj } from "./cnpj.js";

describe("CNPJ", () => {
  it.each([
    ["12.ABC.345/01DE-35", true],
    ["12ABC34501DE35", true],
    ["12abc34501de35", true],
    ["11.222.333/0001-81", true],
    ["11.444.777/0001-61", true],
    ["11222333000181", true],
    ["12.ABC.345/01DE-36", false],
    ["11.222.333/0001-82", false],
    ["11.222.333/0001-8", false],
    ["12ABC34501DEAB", false],
    ["00.000.000/0000-00", false],
    ["11111111111111", false],
    ["", false],
  ])("%s valid: %s", (input, expected) => {
    expect(isValidCnpj(input)).toBe(expected);
  });

  it("normalizes punctuation and case, and takes the 8-character root", () => {
    expect(normalizeCnpj(" 12.abc.345/01de-35 ")).toBe("12ABC34501DE35");
    expect(normalizeCnpj("12.ABC")).toBeNull();
    expect(cnpjRoot("12ABC34501DE35")).toBe("12ABC345");
  });

  it("a body with its computed check digits is valid, and a different last digit never is", () => {
    const char = fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (chars, shift) => {
          const body = chars.join("");
          fc.pre(!/^(\d)\1{11}$/.test(body));
          const valid = [..."0123456789"]
            .flatMap((a) => [..."0123456789"].map((b) => `${body}${a}${b}`))
            .filter(isValidCnpj);
          // Exactly one pair of check digits completes any 12-character body.
          expect(valid).toHaveLength(1);
          const last = Number(valid[0]!.at(-1));
          expect(isValidCnpj(`${valid[0]!.slice(0, 13)}${(last + shift) % 10}`)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
