import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../test-support/render";
import type { AdminMaterial } from "./materials-api";
import { MaterialsTable } from "./materials-table";

const material: AdminMaterial = {
  id: "m1",
  programId: "p1",
  kind: "material",
  title: { "pt-BR": "Apresentação", en: "Deck" },
  bodyMarkdown: { "pt-BR": "**Use** isto na reunião", en: "" },
  bodyHtml: { "pt-BR": "<p><strong>Use</strong> isto na reunião</p>\n", en: "" },
  linkUrl: null,
  position: 0,
  updatedAt: "2026-11-02T12:00:00Z",
};

describe("the admin materials list", () => {
  it("shows each body as the portal will, rendered from Markdown, never the raw Markdown", () => {
    renderApp(
      <MaterialsTable materials={[material]} programName="Desk" onEdit={() => {}} onDelete={() => {}} />,
    );
    const row = screen.getByRole("row", { name: /Apresentação/ });
    expect(within(row).getByText("Use").tagName).toBe("STRONG");
    expect(within(row).queryByText(/\*\*Use\*\*/)).toBeNull();
  });
});
