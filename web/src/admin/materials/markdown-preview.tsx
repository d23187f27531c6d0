import { Alert, Center, Loader } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

type Render = (markdown: string) => string;
let renderer: Promise<Render> | undefined;

/**
 * Markdown to HTML as the server renders it (GFM, line breaks), loaded only when a preview is asked for.
 * Raw HTML is shown as text here; the server's sanitiser decides what of it reaches the portal.
 */
function loadRenderer(): Promise<Render> {
  renderer ??= import("marked").then(({ Marked }) => {
    const asText = (text: string) =>
      text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    const markdown = new Marked({ gfm: true, breaks: true, async: false });
    markdown.use({ renderer: { html: ({ text }) => asText(text) } });
    return (source: string) => markdown.parse(source) as string;
  });
  return renderer;
}

const frameStyle =
  "body{margin:8px;font:14px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1f2933}a{color:#1c7ed6}";

/** What the body will look like in the portal, inside a sandboxed frame (no scripts, no same-origin access). */
export function MarkdownPreview({ markdown, title }: { markdown: string; title: string }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState<string | null>(null);
  const [hasFailed, setHasFailed] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    loadRenderer().then(
      (render) => isCurrent && setHtml(render(markdown)),
      () => isCurrent && setHasFailed(true),
    );
    return () => {
      isCurrent = false;
    };
  }, [markdown]);

  if (hasFailed) return <Alert color="red">{t("admin.materials.form.previewFailed")}</Alert>;
  if (html === null) {
    return (
      <Center role="status" py="sm">
        <Loader size="sm" aria-label={t("common.loading")} />
      </Center>
    );
  }
  return (
    <iframe
      title={title}
      sandbox=""
      srcDoc={`<!doctype html><meta charset="utf-8"><base target="_blank"><style>${frameStyle}</style>${html || `<p style="color:#868e96">${t("admin.materials.form.previewEmpty")}</p>`}`}
      style={{ width: "100%", height: 180, border: "1px solid var(--mantine-color-gray-4)", borderRadius: 8 }}
    />
  );
}
