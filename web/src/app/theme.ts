import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  // Rings only for keyboard focus, never hidden: pages must be usable without a mouse.
  focusRing: "auto",
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: {
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
});
