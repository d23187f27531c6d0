import { describe, expect, it } from "vitest";
import { fillPlaceholders } from "./canned-replies.js";
import { searchWords, ticketNumberIn } from "./search.js";
import { situationAfterMessage } from "./situation.js";

describe("ticket situation", () => {
  it("follows the last public message: the referrer's waits on an agent, an agent's on the referrer", () => {
    expect(
      situationAfterMessage("awaiting_participant", { authorKind: "participant", isInternal: false }),
    ).toBe("awaiting_agent");
    expect(situationAfterMessage("awaiting_agent", { authorKind: "staff", isInternal: false })).toBe(
      "awaiting_participant",
    );
  });

  it("does not move for an internal note or a system message", () => {
    expect(situationAfterMessage("awaiting_agent", { authorKind: "staff", isInternal: true })).toBe(
      "awaiting_agent",
    );
    expect(situationAfterMessage("awaiting_participant", { authorKind: "system", isInternal: false })).toBe(
      "awaiting_participant",
    );
  });
});

describe("search input", () => {
  it("keeps letters and digits only, so nothing typed reaches tsquery syntax", () => {
    expect(searchWords("indicação & !prêmio:* | (x)")).toEqual(["indicação", "prêmio", "x"]);
    expect(searchWords("  ")).toEqual([]);
  });

  it("reads a ticket number with or without #", () => {
    expect(ticketNumberIn("#42")).toBe(42);
    expect(ticketNumberIn("42")).toBe(42);
    expect(ticketNumberIn("42 prêmio")).toBeNull();
  });
});

describe("canned reply placeholders", () => {
  it("fills known placeholders and leaves anything else as written", () => {
    const values = {
      "participant.name": "Ana Souza",
      "participant.firstName": "Ana",
      "participant.email": "ana@example.com",
      "ticket.number": "7",
      "ticket.subject": "Prêmio",
      "agent.name": "Bia Lima",
      "agent.firstName": "Bia",
      "program.name": "Vai de Desk Manager",
    };
    expect(
      fillPlaceholders("Olá, {{ participant.firstName }}! Sobre #{{ticket.number}}: {{x}}", values),
    ).toBe("Olá, Ana! Sobre #7: {{x}}");
  });
});
