import { defineEmailTemplate } from "../../../platform/mail/template.js";

type ReferralReceivedData = {
  referrerName: string;
  companyName: string;
  programName: string;
  confirmUrl: string;
  validDays: number;
  /** The address belongs to a referrer who left the program: the link brings them back. */
  hasLeft: boolean;
};

// The first e-mail to an address an anonymous form named (issue: registry oracle): it says the same
// whatever the checks decide, and its link proves the address, after which the referrer hears of
// decisions and follows the referral in the portal.
export const referralReceivedEmail = defineEmailTemplate<ReferralReceivedData>({
  id: "referrals.referral-received",
  isAutomatic: true,
  render: (d, locale) =>
    locale === "en"
      ? {
          subject: `We received your referral of ${d.companyName}`,
          preheader: "Confirm your e-mail to follow it.",
          heading: `Hello, ${d.referrerName}`,
          paragraphs: [
            `We received your referral of ${d.companyName} to ${d.programName}; confirm your e-mail to follow it.`,
            d.hasLeft
              ? "You had left the program: confirming your e-mail also brings you back into it."
              : "Once you confirm, you can follow it in My Referrals and we tell you of its decisions by e-mail.",
          ],
          action: { label: "Confirm my e-mail", url: d.confirmUrl },
          footnote: `The link works once, within ${d.validDays} days. If you did not refer anyone, ignore this e-mail: nothing changes without the link.`,
        }
      : {
          subject: `Recebemos sua indicação da ${d.companyName}`,
          preheader: "Confirme seu e-mail para acompanhá-la.",
          heading: `Olá, ${d.referrerName}`,
          paragraphs: [
            `Recebemos sua indicação da ${d.companyName} ao ${d.programName}; confirme seu e-mail para acompanhá-la.`,
            d.hasLeft
              ? "Você havia saído do programa: confirmar seu e-mail também traz você de volta a ele."
              : "Depois de confirmar, você a acompanha em Minhas Indicações e avisamos por e-mail das decisões sobre ela.",
          ],
          action: { label: "Confirmar meu e-mail", url: d.confirmUrl },
          footnote: `O link funciona uma única vez, em até ${d.validDays} dias. Se você não indicou ninguém, ignore este e-mail: nada muda sem o link.`,
        },
});
