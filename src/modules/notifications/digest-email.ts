import { defineEmailTemplate } from "../../platform/mail/template.js";
import { formatDay } from "../../shared/date-format.js";
import type { ReferralStatus } from "../../shared/referral-codes.js";
import { reasonLabel, statusLabel } from "../referrals/index.js";

export type DigestReferral = {
  companyName: string;
  status: ReferralStatus;
  reason: string | null;
  /** The day it was made in the program's time zone ("YYYY-MM-DD"), written in the reader's language. */
  createdOn: string;
};

type DigestData = {
  referrerName: string;
  programName: string;
  /** "novembro de 2026" / "November 2026" */
  monthName: string;
  referrals: DigestReferral[];
  portalUrl: string;
};

// DESIGN "Status e-mails" and the policy ("Mensalmente enviaremos o status das suas indicações através
// do e-mail cadastrado"): every referral with its status, and the reason where there is one.
export const monthlyDigestEmail = defineEmailTemplate<DigestData>({
  id: "notifications.monthly-digest",
  isAutomatic: true,
  render: (d, locale) => {
    const isEnglish = locale === "en";
    const lines = d.referrals.map((r) => {
      const status = statusLabel(r.status, locale).label;
      const reason = r.reason ? reasonLabel(r.reason, locale) : null;
      const because = reason ? ` ${isEnglish ? "Reason" : "Motivo"}: ${reason.label}. ${reason.meaning}` : "";
      return `• ${r.companyName} (${formatDay(r.createdOn, locale)}): ${status}.${because}`;
    });
    const count = d.referrals.length;
    return {
      subject: isEnglish
        ? `Your referrals in ${d.monthName}: ${count} ${count === 1 ? "referral" : "referrals"}`
        : `Suas indicações em ${d.monthName}: ${count} ${count === 1 ? "indicação" : "indicações"}`,
      preheader: isEnglish ? "Where each referral stands." : "Em que pé está cada indicação.",
      heading: isEnglish ? `Hello, ${d.referrerName}` : `Olá, ${d.referrerName}`,
      paragraphs: [
        isEnglish
          ? `Here is where your referrals to ${d.programName} stand at the end of ${d.monthName}:`
          : `Veja em que pé estão suas indicações ao ${d.programName} no fim de ${d.monthName}:`,
        ...lines,
      ],
      action: { label: isEnglish ? "See my referrals" : "Ver minhas indicações", url: d.portalUrl },
      footnote: isEnglish
        ? "You receive this monthly summary as a referrer; turn it off in your portal profile. Questions? Just reply."
        : "Você recebe este resumo mensal como indicador; desative no seu perfil do portal. Dúvidas? É só responder.",
    };
  },
});
