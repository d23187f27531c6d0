import { defineEmailTemplate } from "../../platform/mail/template.js";

type SignInLinkData = { name: string; programName: string; url: string; validMinutes: number };

export const signInLinkEmail = defineEmailTemplate<SignInLinkData>({
  id: "portal.sign-in-link",
  isAutomatic: true,
  // A referrer whose address bounced can still sign in, and so lift the suppression.
  isRequestedByReader: true,
  render: (data, locale) =>
    locale === "en"
      ? {
          subject: `Your sign-in link to ${data.programName}`,
          preheader: "Use it within the next minutes; it works once.",
          heading: `Hello, ${data.name}`,
          paragraphs: [
            `Here is your link to My Referrals in ${data.programName}. It works once and expires in ${data.validMinutes} minutes.`,
          ],
          action: { label: "Sign in to My Referrals", url: data.url },
          footnote: "If you did not ask for this link, ignore this e-mail: nobody can sign in without it.",
        }
      : {
          subject: `Seu link de acesso ao ${data.programName}`,
          preheader: "Use nos próximos minutos; ele funciona uma única vez.",
          heading: `Olá, ${data.name}`,
          paragraphs: [
            `Aqui está seu link para Minhas Indicações no ${data.programName}. Ele funciona uma única vez e expira em ${data.validMinutes} minutos.`,
          ],
          action: { label: "Entrar em Minhas Indicações", url: data.url },
          footnote: "Se você não pediu este link, ignore este e-mail: ninguém entra sem ele.",
        },
});
