import { DEFAULT_THEME } from "@mantine/core";
import { describe, expect, it } from "vitest";
import { contrastRatio, FILL_TEXT_RATIO, readableColors, TINT_TEXT_RATIO } from "./readable-colors";

describe("the theme's colours", () => {
  it("reads at WCAG AA: shade 8 as text on white and under white text, shade 9 on a light tint", () => {
    for (const [name, palette] of Object.entries(readableColors)) {
      expect(contrastRatio(palette[8], "#ffffff"), `${name}.8 ${palette[8]}`).toBeGreaterThanOrEqual(
        FILL_TEXT_RATIO,
      );
      // A light badge on a striped row: shade 9 on gray 0 under a 10% tint of shade 6.
      expect(contrastRatio(palette[9], "#eef0f2"), `${name}.9 ${palette[9]}`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette[9], "#ffffff")).toBeGreaterThanOrEqual(TINT_TEXT_RATIO);
    }
  });

  it("keeps the shades that already read well, so blue and gray are Mantine's own", () => {
    expect(readableColors.blue?.[8]).toBe(DEFAULT_THEME.colors.blue[8]);
    expect(readableColors.gray).toEqual(DEFAULT_THEME.colors.gray);
    expect(readableColors.green?.[8]).not.toBe(DEFAULT_THEME.colors.green[8]);
  });
});
