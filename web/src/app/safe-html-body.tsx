import { Typography, type TypographyProps } from "@mantine/core";

type SafeHtmlBodyProps = Omit<TypographyProps, "children"> & {
  /** HTML the server rendered from Markdown and sanitised (allow-listed tags, safe links). */
  html: string;
};

/** A body the server already sanitised (src/platform/text/safe-html.ts), shown as HTML. */
export function SafeHtmlBody({ html, ...props }: SafeHtmlBodyProps) {
  if (!html.trim()) return null;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server (src/platform/text/safe-html.ts).
  return <Typography {...props} dangerouslySetInnerHTML={{ __html: html }} />;
}
