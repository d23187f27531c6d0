// GET /p/:slug, server-rendered: the program's rules, reward catalog and tips, readable without
// JavaScript. The referral form arrives with the intake capability.
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "../../platform/i18n/locale.js";
import type { Program, TLocalizedText } from "./schema.js";

type CatalogItem = { id: string; name: TLocalizedText; description: TLocalizedText };

const words = {
  "pt-BR": {
    rewards: "Prêmios disponíveis",
    tips: "Dicas para indicar mais",
    portal: "Acompanhe suas indicações em Minhas Indicações",
    soon: "O formulário de indicação estará disponível em breve nesta página.",
    switchTo: "English",
  },
  en: {
    rewards: "Available rewards",
    tips: "Tips to refer more",
    portal: "Follow your referrals in My Referrals",
    soon: "The referral form will be available on this page soon.",
    switchTo: "Português",
  },
} as const;

const css = `body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2933;background:#f7f8fa}
main{max-width:760px;margin:0 auto;padding:24px 16px 48px}header{background:#0b6e4f;color:#fff;padding:32px 16px}
header div{max-width:760px;margin:0 auto}h1{margin:0 0 8px;font-size:2rem}a{color:#0b6e4f}header a{color:#fff}
section{background:#fff;border-radius:8px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 2px rgba(0,0,0,.06)}
h2{font-size:1.25rem;margin:0 0 8px}ul{padding-left:20px;margin:0}li{margin:4px 0}.lang{float:right}
a:focus-visible{outline:3px solid #f0b429;outline-offset:2px}`;

export function renderLandingPage(program: Program, catalog: CatalogItem[], locale: Locale): string {
  const w = words[locale];
  const other = locale === "en" ? "pt-BR" : "en";
  const page = (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{program.name}</title>
        <meta name="description" content={program.rules.summary[locale]} />
        <style>{css}</style>
      </head>
      <body>
        <header>
          <div>
            <a className="lang" href={`?lang=${other}`} hrefLang={other}>
              {w.switchTo}
            </a>
            <h1>{program.name}</h1>
            <p>{program.rules.summary[locale]}</p>
          </div>
        </header>
        <main>
          {program.rules.sections.map((section) => (
            <section key={section.key} aria-labelledby={`s-${section.key}`}>
              <h2 id={`s-${section.key}`}>{section.title[locale]}</h2>
              <ul>
                {section.items.map((item) => (
                  <li key={item["pt-BR"]}>{item[locale]}</li>
                ))}
              </ul>
            </section>
          ))}
          <section aria-labelledby="s-rewards">
            <h2 id="s-rewards">{w.rewards}</h2>
            <ul>
              {catalog.map((item) => (
                <li key={item.id}>
                  <strong>{item.name[locale]}</strong>: {item.description[locale]}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="s-tips">
            <h2 id="s-tips">{w.tips}</h2>
            <ul>
              {program.rules.tips.map((tip) => (
                <li key={tip["pt-BR"]}>{tip[locale]}</li>
              ))}
            </ul>
          </section>
          <section>
            <p>{w.soon}</p>
            <p>
              <a href={`/portal/login?program=${encodeURIComponent(program.slug)}`}>{w.portal}</a>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}
