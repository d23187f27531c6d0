// GET /c/:token: the referred contact's page. Plain HTML forms, no JavaScript needed.
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "../../platform/i18n/locale.js";
import type { ContactDecision } from "./contact-consent.js";

type ConsentView =
  | { state: "unknown" }
  | {
      state: "ask" | ContactDecision;
      referrerName: string;
      companyName: string;
      contactName: string;
      programName: string;
    };

const text = {
  "pt-BR": {
    title: "Sua indicação",
    unknown: "Este link não é válido. Verifique se copiou o endereço inteiro do e-mail.",
    ask: (v: { referrerName: string; companyName: string; programName: string }) =>
      `${v.referrerName} indicou a ${v.companyName} ao ${v.programName}, dizendo que você está ciente. Você confirma?`,
    confirm: "Sim, eu sabia e aceito o contato",
    object: "Não sabia / não quero ser contatado",
    confirmed: "Obrigado! Registramos sua confirmação. A equipe comercial pode entrar em contato.",
    objected: "Entendido. A indicação foi recusada e não enviaremos mais e-mails do programa para você.",
    privacy: "Usamos seus dados apenas para tratar desta indicação, conforme a LGPD.",
  },
  en: {
    title: "Your referral",
    unknown: "This link is not valid. Check that you copied the whole address from the e-mail.",
    ask: (v: { referrerName: string; companyName: string; programName: string }) =>
      `${v.referrerName} referred ${v.companyName} to ${v.programName}, saying that you know about it. Do you confirm?`,
    confirm: "Yes, I knew and I agree to be contacted",
    object: "I did not know / do not contact me",
    confirmed: "Thank you! We recorded your confirmation. The sales team may get in touch.",
    objected: "Understood. The referral was refused and the program will not e-mail you again.",
    privacy: "We use your data only to handle this referral, under Brazil's LGPD.",
  },
} as const;

const css = `body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2933;background:#f7f8fa}
main{max-width:560px;margin:40px auto;padding:24px;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
button{font:inherit;padding:10px 16px;border-radius:6px;border:1px solid #0b6e4f;margin:6px 8px 6px 0;cursor:pointer}
.yes{background:#0b6e4f;color:#fff}.no{background:#fff;color:#8a1c1c;border-color:#8a1c1c}
button:focus-visible,a:focus-visible{outline:3px solid #f0b429;outline-offset:2px}small{color:#52606d}`;

export function renderConsentPage(view: ConsentView, locale: Locale): string {
  const t = text[locale];
  const body =
    view.state === "unknown" ? (
      <p role="alert">{t.unknown}</p>
    ) : view.state === "ask" ? (
      <form method="post">
        <p>{t.ask(view)}</p>
        <button className="yes" type="submit" name="decision" value="confirmed">
          {t.confirm}
        </button>
        <button className="no" type="submit" name="decision" value="objected">
          {t.object}
        </button>
      </form>
    ) : (
      <p role="status">{view.state === "confirmed" ? t.confirmed : t.objected}</p>
    );
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
          {body}
          <small>{t.privacy}</small>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}
