// The server's own small pages (a contact's consent, a sign-in confirmation): plain HTML that works
// without JavaScript, one look for all of them, kept from search engines. Each page gives its title,
// its body and the few styles of its own.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "../i18n/locale.js";

const baseCss = `body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2933;background:#f7f8fa}
main{max-width:560px;margin:40px auto;padding:24px;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
button{font:inherit;padding:10px 16px;border-radius:6px;border:1px solid #0b6e4f;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #f0b429;outline-offset:2px}small{color:#52606d}`;

type SmallPage = { locale: Locale; title: string; css?: string; children: ReactNode };

export function renderSmallPage({ locale, title, css = "", children }: SmallPage): string {
  const page = (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <style>{baseCss + css}</style>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}
