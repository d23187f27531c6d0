// GET /portal/auth/:token: "Entrar como r…@e….com". Plain HTML, no JavaScript; the button posts to
// the same address (sign-in-confirmation.ts).
import { renderSmallPage } from "../../platform/http/small-page.js";
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

export function renderSignInPage(view: SignInPageView, locale: Locale): string {
  const t = text[locale];
  return renderSmallPage({
    locale,
    title: t.title,
    css: "button{background:#0b6e4f;color:#fff}",
    children: (
      <>
        <p>{t.intro(view)}</p>
        <form method="post" action={view.action}>
          <input type="hidden" name="confirmation" value={view.confirmation} />
          <button type="submit">{t.button(view)}</button>
        </form>
        <p>
          <small>{t.notYou}</small>
        </p>
      </>
    ),
  });
}
