// One layout for every e-mail: inline styles only (mail clients drop <style> and classes), a single
// column, and the same words in the plain-text part.
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "../i18n/locale.js";
import type { EmailContent } from "./template.js";

const footerText: Record<Locale, string> = {
  "pt-BR": "Você pode responder a este e-mail: sua mensagem chega à equipe do programa.",
  en: "You can reply to this e-mail: your message reaches the program team.",
};

function EmailDocument({ content, locale, brand }: { content: EmailContent; locale: Locale; brand: string }) {
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.subject}</title>
      </head>
      <body
        style={{ margin: 0, padding: 0, background: "#f4f5f7", fontFamily: "Arial, Helvetica, sans-serif" }}
      >
        {content.preheader ? (
          <div style={{ display: "none", maxHeight: 0, overflow: "hidden" }}>{content.preheader}</div>
        ) : null}
        <table
          role="presentation"
          width="100%"
          cellPadding={0}
          cellSpacing={0}
          style={{ background: "#f4f5f7" }}
        >
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table
                  role="presentation"
                  width="100%"
                  cellPadding={0}
                  cellSpacing={0}
                  style={{ maxWidth: 560, background: "#ffffff", borderRadius: 8 }}
                >
                  <tbody>
                    <tr>
                      <td style={{ padding: "24px 28px 0", color: "#0b6e4f", fontWeight: 700, fontSize: 14 }}>
                        {brand}
                      </td>
                    </tr>
                    <tr>
                      <td
                        style={{
                          padding: "8px 28px 24px",
                          color: "#1f2933",
                          fontSize: 16,
                          lineHeight: "24px",
                        }}
                      >
                        <h1 style={{ fontSize: 22, lineHeight: "28px", margin: "8px 0 16px" }}>
                          {content.heading}
                        </h1>
                        {content.paragraphs.map((paragraph) => (
                          <p key={paragraph} style={{ margin: "0 0 16px" }}>
                            {paragraph}
                          </p>
                        ))}
                        {content.action ? (
                          <p style={{ margin: "24px 0" }}>
                            <a
                              href={content.action.url}
                              style={{
                                background: "#0b6e4f",
                                color: "#ffffff",
                                padding: "12px 20px",
                                borderRadius: 6,
                                textDecoration: "none",
                                fontWeight: 700,
                                display: "inline-block",
                              }}
                            >
                              {content.action.label}
                            </a>
                          </p>
                        ) : null}
                        {content.footnote ? (
                          <p style={{ margin: "0 0 8px", color: "#52606d", fontSize: 13 }}>
                            {content.footnote}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                    <tr>
                      <td
                        style={{
                          padding: "16px 28px 24px",
                          color: "#7b8794",
                          fontSize: 12,
                          borderTop: "1px solid #e4e7eb",
                        }}
                      >
                        {footerText[locale]}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

export function renderEmailHtml(content: EmailContent, locale: Locale, brand: string): string {
  return `<!doctype html>${renderToStaticMarkup(<EmailDocument content={content} locale={locale} brand={brand} />)}`;
}

export function renderEmailText(content: EmailContent, locale: Locale, brand: string): string {
  const lines = [brand, "", content.heading, "", ...content.paragraphs.flatMap((p) => [p, ""])];
  if (content.action) lines.push(`${content.action.label}: ${content.action.url}`, "");
  if (content.footnote) lines.push(content.footnote, "");
  lines.push("--", footerText[locale]);
  return lines.join("\n");
}
