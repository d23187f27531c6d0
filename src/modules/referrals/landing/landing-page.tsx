// GET /p/:slug, server-rendered: the program's rules, rewards, tips and the referral form, readable and
// usable without JavaScript; /p-assets/landing.js only adds inline checks and input masks.
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "../../../platform/i18n/locale.js";
import type { TLocalizedText } from "../../../shared/localized-text.js";
import { todayIn } from "../../../shared/today.js";
import type { Program } from "../../programs/index.js";
import { landingWords } from "./landing-words.js";
import { type FormState, ReferralForm } from "./referral-form.js";

type CatalogItem = { id: string; name: TLocalizedText; description: TLocalizedText };

export type LandingView = { kind: "form"; state: FormState } | { kind: "sent" } | { kind: "closed" };

const css = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2933;background:#f7f8fa}
main{max-width:760px;margin:0 auto;padding:8px 16px 48px}header{background:#0b6e4f;color:#fff;padding:28px 16px}
header div{max-width:760px;margin:0 auto}h1{margin:0 0 8px;font-size:2rem}a{color:#0b6e4f}header a{color:#fff}
section{background:#fff;border-radius:8px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 2px rgba(0,0,0,.06)}
h2{font-size:1.25rem;margin:0 0 8px}ul{padding-left:20px;margin:0}li{margin:4px 0}.lang{float:right}
fieldset{border:1px solid #e4e7eb;border-radius:8px;margin:12px 0;padding:8px 16px}legend{font-weight:700;padding:0 4px}
.field{margin:8px 0}.field label{display:block;font-weight:600;font-size:.95rem}
input,select,textarea{font:inherit;width:100%;padding:8px 10px;border:1px solid #9aa5b1;border-radius:6px;background:#fff}
.check{display:flex;gap:8px;align-items:flex-start;flex-wrap:wrap;margin:10px 0}.check input{width:auto;margin-top:5px}.check label{flex:1}
[aria-invalid=true]{border-color:#b42318;background:#fff5f4}.err{display:block;width:100%;color:#b42318;font-size:.9rem}
.alert{background:#fff5f4;border-left:4px solid #b42318;padding:8px 12px}.ok{background:#ecfdf3;border-left:4px solid #0b6e4f;padding:12px 16px}
button{font:inherit;font-weight:700;background:#0b6e4f;color:#fff;border:0;border-radius:6px;padding:12px 20px;cursor:pointer}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #f0b429;outline-offset:2px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}`;

function FormSection({ program, view, locale }: { program: Program; view: LandingView; locale: Locale }) {
  const w = landingWords[locale];
  if (view.kind === "sent") {
    return (
      <section className="ok" aria-labelledby="s-form" role="status">
        <h2 id="s-form">{w.sentTitle}</h2>
        <p>{w.sentBody}</p>
        <p>
          <a href={`/p/${encodeURIComponent(program.slug)}?lang=${locale}#s-form`}>{w.another}</a>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="s-form">
      <h2 id="s-form">{w.formTitle}</h2>
      {view.kind === "closed" ? (
        <p className="alert">{w.closed}</p>
      ) : (
        <>
          <p>{w.formIntro}</p>
          <ReferralForm
            w={w}
            state={view.state}
            locale={locale}
            termsVersion={program.termsVersion}
            age={{ minimum: program.minimumAge, today: todayIn(program.timeZone) }}
          />
        </>
      )}
    </section>
  );
}

export function renderLandingPage(
  program: Program,
  catalog: CatalogItem[],
  locale: Locale,
  view: LandingView,
): string {
  const w = landingWords[locale];
  const other = locale === "en" ? "pt-BR" : "en";
  const page = (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{program.name}</title>
        <meta name="description" content={program.rules.summary[locale]} />
        <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
        <style>{css}</style>
        <script src="/p-assets/landing.js" defer />
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
          <FormSection program={program} view={view} locale={locale} />
          {program.rules.sections.map((section) => (
            // Rule sections have their own id space: a rule titled "rewards" and the catalog below stay two ids.
            <section key={section.key} aria-labelledby={`s-rule-${section.key}`}>
              <h2 id={`s-rule-${section.key}`}>{section.title[locale]}</h2>
              <ul>
                {section.items.map((item) => (
                  <li key={item["pt-BR"]}>{item[locale]}</li>
                ))}
              </ul>
            </section>
          ))}
          <section aria-labelledby="s-catalog">
            <h2 id="s-catalog">{w.rewards}</h2>
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
