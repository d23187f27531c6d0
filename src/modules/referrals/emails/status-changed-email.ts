import { defineEmailTemplate } from "../../../platform/mail/template.js";
import type { ReferralStatus } from "../schema.js";
import { reasonLabel, statusLabel } from "../status-words.js";

type StatusChangedData = {
  referrerName: string;
  companyName: string;
  programName: string;
  status: ReferralStatus;
  reason: string | null;
  portalUrl: string;
};

// Every status change reaches the referrer as it happens (DESIGN "Status e-mails"), with the reason in
// the policy's words so a refusal never reads as arbitrary.
export const statusChangedEmail = defineEmailTemplate<StatusChangedData>({
  id: "referrals.status-changed",
  isAutomatic: true,
  render: (d, locale) => {
    const status = statusLabel(d.status, locale);
    const reason = d.reason ? reasonLabel(d.reason, locale) : null;
    const isEnglish = locale === "en";
    const paragraphs = [
      isEnglish
        ? `Your referral of ${d.companyName} is now: ${status.label}. ${status.meaning}`
        : `Sua indicação da ${d.companyName} agora está em: ${status.label}. ${status.meaning}`,
    ];
    if (reason) {
      paragraphs.push(
        isEnglish
          ? `Reason: ${reason.label}. ${reason.meaning}`
          : `Motivo: ${reason.label}. ${reason.meaning}`,
      );
    }
    if (d.status === "sale_confirmed") {
      paragraphs.push(
        isEnglish
          ? "Thank you! If the sale earns a reward, we will write to you about choosing it."
          : "Obrigado! Se a venda gerar prêmio, escreveremos para você escolher.",
      );
    }
    return {
      subject: `${d.companyName}: ${status.label}`,
      preheader: reason ? reason.label : status.meaning,
      heading: isEnglish ? `Hello, ${d.referrerName}` : `Olá, ${d.referrerName}`,
      paragraphs,
      action: {
        label: isEnglish ? "See my referrals" : "Ver minhas indicações",
        url: d.portalUrl,
      },
      footnote: isEnglish
        ? `You receive this because you referred a company to ${d.programName}. Questions? Just reply to this e-mail.`
        : `Você recebe este e-mail porque indicou uma empresa ao ${d.programName}. Dúvidas? É só responder a este e-mail.`,
    };
  },
});
