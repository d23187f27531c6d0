import { describe, expect, it } from "vitest";
import { ageOn, isAtLeast, isValidIsoDate, todayIn } from "./age.js";
import { normalizePhone } from "./phone.js";

describe("phones", () => {
  it.each([
    ["(11) 98765-4321", "+5511987654321"],
    ["+55 11 98765-4321", "+5511987654321"],
    ["11987654321", "+5511987654321"],
    ["(11) 3333-4444", "+551133334444"],
    ["+1 415 555 2671", "+14155552671"],
    ["123", null],
    ["(11) 1234-5678", null],
    ["abc", null],
  ])("%s → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
});

describe("age", () => {
  it("counts completed years, and a 29 February birthday completes on 1 March in common years", () => {
    expect(ageOn("2008-11-23", "2026-11-23")).toBe(18);
    expect(ageOn("2008-11-24", "2026-11-23")).toBe(17);
    expect(isAtLeast("2008-02-29", 18, "2026-02-28")).toBe(false);
    expect(isAtLeast("2008-02-29", 18, "2026-03-01")).toBe(true);
    expect(isAtLeast("2030-01-01", 0, "2026-01-01")).toBe(false);
  });

  it("accepts only real calendar dates", () => {
    expect(isValidIsoDate("2026-02-28")).toBe(true);
    expect(isValidIsoDate("2026-02-30")).toBe(false);
    expect(isValidIsoDate("23/11/2026")).toBe(false);
  });

  it("tells today's date in the program's time zone", () => {
    // 02:00 UTC on 1 January is still 31 December in São Paulo (UTC−3).
    expect(todayIn("America/Sao_Paulo", new Date("2027-01-01T02:00:00Z"))).toBe("2026-12-31");
  });
});
