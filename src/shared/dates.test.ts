import { describe, expect, it } from "vitest";
import { ageOn, isAtLeast, isValidIsoDate } from "./dates.js";
import { todayIn } from "./today.js";

describe("ageOn", () => {
  it.each([
    ["on the 18th birthday", "2008-11-23", "2026-11-23", 18],
    ["the day before the 18th birthday", "2008-11-24", "2026-11-23", 17],
    ["a month before the birthday", "2008-12-23", "2026-11-23", 17],
    ["born on 29 Feb, on 28 Feb of a common year", "2008-02-29", "2026-02-28", 17],
    ["born on 29 Feb, on 1 Mar of a common year", "2008-02-29", "2026-03-01", 18],
    ["born on 29 Feb, on 29 Feb of a leap year", "2008-02-29", "2028-02-29", 20],
    ["born on 29 Feb, on 28 Feb of a leap year", "2008-02-29", "2028-02-28", 19],
    ["on the day of birth", "2026-11-23", "2026-11-23", 0],
    ["before birth", "2026-11-24", "2026-11-23", -1],
  ])("%s: born %s, on %s → %i", (_case, birthDate, today, age) => {
    expect(ageOn(birthDate, today)).toBe(age);
  });

  it("refuses dates that are not YYYY-MM-DD", () => {
    expect(() => ageOn("2008-02-30", "2026-11-23")).toThrow(RangeError);
  });
});

describe("isAtLeast", () => {
  it.each([
    ["18 on the 18th birthday", "2008-11-23", 18, "2026-11-23", true],
    ["not 18 the day before", "2008-11-24", 18, "2026-11-23", false],
    ["born on 29 Feb, not 18 on 28 Feb", "2008-02-29", 18, "2026-02-28", false],
    ["born on 29 Feb, 18 on 1 Mar", "2008-02-29", 18, "2026-03-01", true],
    ["a future birth date is never old enough", "2030-01-01", 0, "2026-01-01", false],
    ["an impossible birth date is never old enough", "1990-02-30", 18, "2026-01-01", false],
    ["a program with a minimum age of 21", "2006-01-01", 21, "2026-01-01", false],
  ])("%s", (_case, birthDate, years, today, expected) => {
    expect(isAtLeast(birthDate, years, today)).toBe(expected);
  });
});

describe("isValidIsoDate", () => {
  it.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-04-31", false],
    ["2026-12-31", true],
    ["2026-11-00", false],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2026-1-01", false],
    ["23/11/2026", false],
    ["2026-11-23T00:00:00Z", false],
    ["", false],
  ])("%s: %s", (value, expected) => {
    expect(isValidIsoDate(value)).toBe(expected);
  });
});

describe("todayIn", () => {
  it.each([
    [
      "02:00 UTC on 1 Jan is still 31 Dec in São Paulo",
      "America/Sao_Paulo",
      "2027-01-01T02:00:00Z",
      "2026-12-31",
    ],
    ["03:00 UTC on 1 Jan is 1 Jan in São Paulo", "America/Sao_Paulo", "2027-01-01T03:00:00Z", "2027-01-01"],
    ["the same instant is already 1 Jan in UTC", "UTC", "2027-01-01T02:00:00Z", "2027-01-01"],
    ["Manaus is an hour behind São Paulo", "America/Manaus", "2027-01-01T03:30:00Z", "2026-12-31"],
  ])("%s", (_case, timeZone, now, today) => {
    expect(todayIn(timeZone, new Date(now))).toBe(today);
  });

  it("defaults to São Paulo", () => {
    expect(todayIn(undefined, new Date("2027-01-01T02:00:00Z"))).toBe("2026-12-31");
  });
});
