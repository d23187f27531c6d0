import { describe, expect, it } from "vitest";
import { normalizePhone } from "./phone.js";

describe("normalizePhone", () => {
  it.each([
    ["a masked mobile", "(11) 98765-4321", "+5511987654321"],
    ["a mobile with the country code", "+55 11 98765-4321", "+5511987654321"],
    ["a mobile, digits only", "11987654321", "+5511987654321"],
    ["a mobile with the trunk prefix 0", "011 98765-4321", "+5511987654321"],
    ["a landline", "(11) 3333-4444", "+551133334444"],
    ["a landline in another area", "+55 (21) 2222-3333", "+552122223333"],
    ["a foreign number written with +", "+1 415 555 2671", "+14155552671"],
    ["surrounding spaces", "  (11) 98765-4321 ", "+5511987654321"],
  ])("accepts %s: %s → %s", (_case, input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    ["too short", "123"],
    ["a landline that cannot start with 1", "(11) 1234-5678"],
    ["an old 8-digit mobile without the ninth digit", "(11) 8765-4321"],
    ["no area code", "98765-4321"],
    ["a missing digit", "+55 11 98765-432"],
    ["letters", "abc"],
    ["letters around a valid number", "tel 11 98765-4321"],
    ["an extension in words", "11 98765-4321 ramal 2"],
    ["an empty string", ""],
  ])("refuses %s: %s", (_case, input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it("reads a number without + in the default country (no Brazilian area code 20)", () => {
    expect(normalizePhone("(201) 555-2671", "US")).toBe("+12015552671");
    expect(normalizePhone("(201) 555-2671")).toBeNull();
  });
});
