// What every browser test can assert about a page a person sees: no serious or critical accessibility
// violation (axe-core, injected through the DevTools protocol so the page's CSP stays as served), and
// nothing wider than the window, with each list's table fitting its area where the window allows.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string; help: string; nodes: string[] };

/** Fails on any serious or critical axe violation, naming the rule and the first elements it found. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(`
    axe.run(document, { resultTypes: ["violations"] }).then((result) =>
      result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ") + " — " + (n.failureSummary || "").split("\\n").slice(1, 2).join("")),
        })),
    )`)) as Violation[];
  expect(violations, `${label}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

type Widths = { window: number; page: number; tables: { table: number; area: number }[] };

export async function pageWidths(page: Page): Promise<Widths> {
  return (await page.evaluate(`({
    window: window.innerWidth,
    page: document.documentElement.scrollWidth,
    tables: [...document.querySelectorAll("[data-list-table]")].map((area) => ({
      table: area.querySelector("table").scrollWidth,
      area: area.clientWidth,
    })),
  })`)) as Widths;
}

/**
 * The page never scrolls sideways. `tablesFit`: each list's table also fits its area (at 1280 px wide
 * nothing of a list is hidden behind a sideways scroll); on a phone a table may scroll inside its area.
 */
export async function expectFits(page: Page, label: string, options: { tablesFit: boolean }): Promise<void> {
  const widths = await pageWidths(page);
  expect(widths.page, `${label}: page ${widths.page} px in a ${widths.window} px window`).toBeLessThanOrEqual(
    widths.window,
  );
  if (!options.tablesFit) return;
  for (const { table, area } of widths.tables) {
    expect(table, `${label}: table ${table} px in a ${area} px area`).toBeLessThanOrEqual(area);
  }
}
