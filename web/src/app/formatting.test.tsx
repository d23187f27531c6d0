import { render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it } from "vitest";
import { i18next } from "../i18n/i18n";
import { ProgramTimeZone, useFormatters } from "./formatting";

function Dates() {
  const format = useFormatters();
  return (
    <p>
      {format.dateTime("2026-12-03T21:28:00Z")} | {format.date("2026-12-04T01:30:00Z")} |{" "}
      {format.day("2026-03-01")}
    </p>
  );
}

function renderIn(language: "pt-BR" | "en", timeZone: string) {
  void i18next.changeLanguage(language);
  render(
    <I18nextProvider i18n={i18next}>
      <ProgramTimeZone.Provider value={timeZone}>
        <Dates />
      </ProgramTimeZone.Provider>
    </I18nextProvider>,
  );
}

describe("dates on every page", () => {
  afterEach(() => void i18next.changeLanguage("pt-BR"));

  it("follow the reader's language and the program's time zone, never US style", async () => {
    renderIn("pt-BR", "America/Sao_Paulo");
    expect(await screen.findByText("03/12/2026 18:28 | 03/12/2026 | 01/03/2026")).toBeTruthy();
  });

  it("in English, day first with the month's name", async () => {
    renderIn("en", "America/Sao_Paulo");
    expect(await screen.findByText("3 Dec 2026, 18:28 | 3 Dec 2026 | 1 Mar 2026")).toBeTruthy();
  });
});
