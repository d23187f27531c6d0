// GET /portal/auth/:token: "Entrar como r…@e….com". Plain HTML, no JavaScript; the button posts to
// the same address (sign-in-confirmation.ts).
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "../../platform/i18n/locale.js";

type SignInPageView = { maskedEmail: string; programName: string; action: string; confirmation: string };

const text = {
  "pt-BR": {
    title: "Entrar em Minhas Indicações",
    intro: (v: SignInPageView) =>
      `Este link entra em Minhas Indicações do ${v.programName} com o e-mail ${v.maskedEmail}.`,
    button: (v: SignInPageView) => `Entrar como ${v.maskedEmail}`,
    notYou: "Se este não é o seu e-mail, feche esta página: alguém pode ter enviado o link dele para você.",
  },
  en: {
    title: "Sign in to My Referrals",
    intro: (v: SignInPageView) =>
      `This link signs in to My Referrals in ${v.programName} as ${v.maskedEmail}.`,
    button: (v: SignInPageView) => `Sign in as ${v.maskedEmail}`,
    notYou: "If this is not your e-mail address, close this page: someone may have sent you their own link.",
  },
} as const;

const css = `body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2933;background:#f7f8fa}
main{max-width:560px;margin:40px auto;padding:24px;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
button{font:inherit;padding:10px 16px;border-radius:6px;border:1px solid #0b6e4f;background:#0b6e4f;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #f0b429;outline-offset:2px}small{color:#52606d}`;

export function renderSignInPage(view: SignInPageView, locale: Locale): string {
  const t = text[locale];
  const page = (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{t.title}</title>
        <style>{css}</style>
      </head>
      <body>
        <main>
          <h1>{t.title}</h1>
          <p>{t.intro(view)}</p>
          <form method="post" action={view.action}>
            <input type="hidden" name="confirmation" value={view.confirmation} />
            <button type="submit">{t.button(view)}</button>
          </form>
          <p>
            <small>{t.notYou}</small>
          </p>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}
