import type { Locale } from "../../../platform/i18n/locale.js";
import { defineEmailTemplate } from "../../../platform/mail/template.js";

type RewardEmailData = {
  referrerName: string;
  companyName: string;
  programName: string;
  dueMonth: string;
  itemName: string | null;
  deliveryReference: string | null;
  delayNote: string | null;
  rewardsUrl: string;
};

/** "2027-03" → "março de 2027" / "March 2027". */
export function monthInWords(dueMonth: string, locale: Locale): string {
  const [year, month] = dueMonth.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year!, month! - 1, 15)),
  );
}

const footnote = (d: RewardEmailData, locale: Locale) =>
  locale === "en"
    ? `You receive this as a referrer of ${d.programName}. Questions? Just reply to this e-mail.`
    : `Você recebe este e-mail como indicador do ${d.programName}. Dúvidas? É só responder a este e-mail.`;

// Policy: "Após a venda nossa equipe entrará em contato com você… através de e-mail ou WhatsApp", and the
// prize is chosen among the options current at choice time, delivered the month after the sale.
export const rewardOfferedEmail = defineEmailTemplate<RewardEmailData>({
  id: "rewards.offered",
  isAutomatic: true,
  render: (d, locale) => {
    const month = monthInWords(d.dueMonth, locale);
    return locale === "en"
      ? {
          subject: `Sale confirmed: choose your reward for ${d.companyName}`,
          preheader: `Delivery in ${month}.`,
          heading: `Congratulations, ${d.referrerName}!`,
          paragraphs: [
            `${d.companyName}, the company you referred, is now a customer. Your referral earned a reward.`,
            `Choose it among the rewards available today in the portal. Delivery is due in ${month}.`,
          ],
          action: { label: "Choose my reward", url: d.rewardsUrl },
          footnote: footnote(d, locale),
        }
      : {
          subject: `Venda confirmada: escolha seu prêmio pela ${d.companyName}`,
          preheader: `Entrega em ${month}.`,
          heading: `Parabéns, ${d.referrerName}!`,
          paragraphs: [
            `A ${d.companyName}, que você indicou, virou cliente. Sua indicação rendeu um prêmio.`,
            `Escolha entre os prêmios disponíveis hoje no portal. A entrega está prevista para ${month}.`,
          ],
          action: { label: "Escolher meu prêmio", url: d.rewardsUrl },
          footnote: footnote(d, locale),
        };
  },
});

export const rewardChosenEmail = defineEmailTemplate<RewardEmailData>({
  id: "rewards.chosen",
  isAutomatic: true,
  render: (d, locale) => {
    const month = monthInWords(d.dueMonth, locale);
    return locale === "en"
      ? {
          subject: `Your reward: ${d.itemName}`,
          heading: `Thank you, ${d.referrerName}`,
          paragraphs: [
            `You chose ${d.itemName} for the sale to ${d.companyName}. Delivery is due in ${month}.`,
          ],
          action: { label: "See my rewards", url: d.rewardsUrl },
          footnote: footnote(d, locale),
        }
      : {
          subject: `Seu prêmio: ${d.itemName}`,
          heading: `Obrigado, ${d.referrerName}`,
          paragraphs: [
            `Você escolheu ${d.itemName} pela venda para a ${d.companyName}. Entrega prevista para ${month}.`,
          ],
          action: { label: "Ver meus prêmios", url: d.rewardsUrl },
          footnote: footnote(d, locale),
        };
  },
});

export const rewardDeliveredEmail = defineEmailTemplate<RewardEmailData>({
  id: "rewards.delivered",
  isAutomatic: true,
  render: (d, locale) => {
    const reference = d.deliveryReference;
    return locale === "en"
      ? {
          subject: `Your reward was delivered: ${d.itemName}`,
          heading: `Hello, ${d.referrerName}`,
          paragraphs: [
            `${d.itemName}, your reward for the sale to ${d.companyName}, was delivered.`,
            ...(reference ? [`Voucher code or tracking: ${reference}`] : []),
          ],
          action: { label: "See my rewards", url: d.rewardsUrl },
          footnote: footnote(d, locale),
        }
      : {
          subject: `Seu prêmio foi entregue: ${d.itemName}`,
          heading: `Olá, ${d.referrerName}`,
          paragraphs: [
            `${d.itemName}, seu prêmio pela venda para a ${d.companyName}, foi entregue.`,
            ...(reference ? [`Código do voucher ou rastreio: ${reference}`] : []),
          ],
          action: { label: "Ver meus prêmios", url: d.rewardsUrl },
          footnote: footnote(d, locale),
        };
  },
});

// Policy: "podem acontecer atrasos no caso de problemas com as operadoras de voucher ou transporte".
export const rewardDelayedEmail = defineEmailTemplate<RewardEmailData>({
  id: "rewards.delayed",
  isAutomatic: true,
  render: (d, locale) =>
    locale === "en"
      ? {
          subject: `Your reward for ${d.companyName} is delayed`,
          heading: `Hello, ${d.referrerName}`,
          paragraphs: [
            `The delivery of your reward for the sale to ${d.companyName} is delayed.`,
            d.delayNote ?? "",
          ],
          action: { label: "See my rewards", url: d.rewardsUrl },
          footnote: footnote(d, locale),
        }
      : {
          subject: `Seu prêmio pela ${d.companyName} vai atrasar`,
          heading: `Olá, ${d.referrerName}`,
          paragraphs: [
            `A entrega do seu prêmio pela venda para a ${d.companyName} vai atrasar.`,
            d.delayNote ?? "",
          ],
          action: { label: "Ver meus prêmios", url: d.rewardsUrl },
          footnote: footnote(d, locale),
        },
});
