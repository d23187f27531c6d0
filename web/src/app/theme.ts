import { type CSSVariablesResolver, createTheme } from "@mantine/core";
import { readableColors } from "./readable-colors";

const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

// WCAG AA colours (web/src/app/readable-colors.ts): buttons, links and coloured text use shade 8 of
// palettes darkened where needed; filled light colours (yellow, lime) take black text instead of white.
export const theme = createTheme({
  colors: readableColors,
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  // Rings only for keyboard focus, never hidden: pages must be usable without a mouse.
  focusRing: "auto",
  defaultRadius: "md",
  fontFamily,
  headings: { fontFamily },
});

/**
 * Secondary ("dimmed") text in gray 7 (8:1 on white; Mantine's gray 6 is 3.3:1), placeholders at 4.7:1
 * (Mantine's gray 5 is 2.1:1), and links in shade 9, which still reads on a light alert or badge.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "#6c757d",
    "--mantine-color-anchor": `var(--mantine-color-${resolved.primaryColor}-9)`,
  },
  dark: {},
});
