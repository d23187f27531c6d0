import { defineEmailTemplate } from "../../../platform/mail/template.js";

type ContactNoticeData = {
  contactName: string;
  referrerName: string;
  companyName: string;
  programName: string;
  confirmUrl: string;
};

// LGPD: the referred company is told who referred it, and may confirm or object (seed policy,
// "A empresa indicada será informada quanto ao nome do cliente que a indicou").
export const contactNoticeEmail = defineEmailTemplate<ContactNoticeData>({
  id: "referrals.contact-notice",
  isAutomatic: true,
  render: (d, locale) =>
    locale === "en"
      ? {
          subject: `${d.referrerName} referred ${d.companyName} to ${d.programName}`,
          preheader: "Did you know? Confirm or object with one click.",
          heading: `Hello, ${d.contactName}`,
          paragraphs: [
            `${d.referrerName} referred ${d.companyName} to ${d.programName}, saying that you know about it. Our sales team may get in touch.`,
            "If you agree, confirm below. If you did not know or do not want to be contacted, object on the same page: we will not write to you again.",
          ],
          action: { label: "Confirm or object", url: d.confirmUrl },
          footnote: "We use your name, e-mail and phone only to talk about this referral (Brazil's LGPD).",
        }
      : {
          subject: `${d.referrerName} indicou a ${d.companyName} ao ${d.programName}`,
          preheader: "Você sabia? Confirme ou recuse com um clique.",
          heading: `Olá, ${d.contactName}`,
          paragraphs: [
            `${d.referrerName} indicou a ${d.companyName} ao ${d.programName}, dizendo que você está ciente. Nossa equipe comercial pode entrar em contato.`,
            "Se você concorda, confirme abaixo. Se não sabia ou não quer ser contatado, recuse na mesma página: não escreveremos mais para você.",
          ],
          action: { label: "Confirmar ou recusar", url: d.confirmUrl },
          footnote: "Usamos seu nome, e-mail e telefone apenas para tratar desta indicação (LGPD).",
        },
});
