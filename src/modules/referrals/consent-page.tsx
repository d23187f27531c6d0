// GET /c/:token: the referred contact's page. Plain HTML forms, no JavaScript needed.
import { renderSmallPage } from "../../platform/http/small-page.js";
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

const css = `button{margin:6px 8px 6px 0}
.yes{background:#0b6e4f;color:#fff}.no{background:#fff;color:#8a1c1c;border-color:#8a1c1c}`;

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
  return renderSmallPage({
    locale,
    title: t.title,
    css,
    children: (
      <>
        {body}
        <small>{t.privacy}</small>
      </>
    ),
  });
}
