import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay } from "./date-format.js";

// 21:28 UTC on 3 December is 18:28 in São Paulo (UTC−3, no daylight saving since 2019).
const instant = "2026-12-03T21:28:00Z";

describe("dates as people read them", () => {
  it("writes a date and time in the reader's language and the program's time zone", () => {
    expect(formatDateTime(instant, "pt-BR", "America/Sao_Paulo")).toBe("03/12/2026 18:28");
    expect(formatDateTime(instant, "en", "America/Sao_Paulo")).toBe("3 Dec 2026, 18:28");
    expect(formatDateTime(instant, "pt-BR", "Europe/Lisbon")).toBe("03/12/2026 21:28");
  });

  it("gives the date of the program's day, which may not be UTC's", () => {
    expect(formatDate("2026-12-04T01:30:00Z", "pt-BR", "America/Sao_Paulo")).toBe("03/12/2026");
    expect(formatDate("2026-09-04T12:00:00Z", "en", "America/Sao_Paulo")).toBe("4 Sep 2026");
  });

  it("writes a calendar day as written, with no time zone to move it", () => {
    expect(formatDay("2026-03-01", "pt-BR")).toBe("01/03/2026");
    expect(formatDay("2026-03-01", "en")).toBe("1 Mar 2026");
  });

  it("writes midnight as 00, not 24", () => {
    expect(formatDateTime("2026-12-04T03:05:00Z", "pt-BR", "America/Sao_Paulo")).toBe("04/12/2026 00:05");
  });
});
