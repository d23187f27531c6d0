// What each status and reason means, in the referrer's words (pt-BR first, English second). The
// explanations quote the program policy (seed "Vai de Desk Manager"), so a referrer reading an e-mail or
// the portal learns which rule applied. Staff-facing labels live in the web app's locale files.
import type { Locale, Localized } from "../../platform/i18n/locale.js";
import type { ReferralStatus } from "./schema.js";

type Words = { label: string; meaning: string };

export const statusWords: Record<ReferralStatus, Localized<Words>> = {
  in_progress: {
    "pt-BR": {
      label: "Indicação em andamento",
      meaning: "O lead indicado entrou no processo de qualificação.",
    },
    en: { label: "Referral in progress", meaning: "The referred lead entered qualification." },
  },
  qualified: {
    "pt-BR": {
      label: "Lead qualificado",
      meaning: "O lead indicado foi qualificado no nosso funil de vendas.",
    },
    en: { label: "Qualified lead", meaning: "The referred lead was qualified in our sales funnel." },
  },
  not_qualified: {
    "pt-BR": { label: "Lead não qualificado", meaning: "Infelizmente o lead indicado não foi qualificado." },
    en: { label: "Lead not qualified", meaning: "Unfortunately the referred lead was not qualified." },
  },
  in_commercial_process: {
    "pt-BR": {
      label: "Lead no processo comercial",
      meaning: "O lead indicado entrou no nosso processo comercial.",
    },
    en: { label: "Lead in the sales process", meaning: "The referred lead entered our sales process." },
  },
  not_advanced: {
    "pt-BR": {
      label: "Lead não avançou no processo comercial",
      meaning: "Infelizmente o lead indicado não avançou no processo comercial.",
    },
    en: {
      label: "Lead did not move forward",
      meaning: "Unfortunately the referred lead did not move forward in the sales process.",
    },
  },
  sale_confirmed: {
    "pt-BR": { label: "Venda confirmada", meaning: "Venda confirmada. Mais um cliente feliz!" },
    en: { label: "Sale confirmed", meaning: "Sale confirmed. One more happy customer!" },
  },
};

const reasonWords: Record<string, Localized<Words>> = {
  invalid_email: {
    "pt-BR": {
      label: "E-mail inválido",
      meaning: "O e-mail do contato não funciona. A política pede que os dados de contato sejam verdadeiros.",
    },
    en: {
      label: "Invalid e-mail",
      meaning: "The contact's e-mail does not work. The policy requires true contact details.",
    },
  },
  outside_profile: {
    "pt-BR": {
      label: "Fora das características mínimas",
      meaning:
        "A empresa ou o contato não tem o perfil pedido: diretor, gerente ou coordenador de TI ou de atendimento de médias e grandes empresas, ou empresa com mais de 5 atendentes.",
    },
    en: {
      label: "Outside the minimum profile",
      meaning:
        "The company or contact does not match the profile: IT or customer-service director, manager or coordinator at a mid-size or large company, or a company with more than 5 support agents.",
    },
  },
  already_in_funnel: {
    "pt-BR": {
      label: "Lead já estava no funil",
      meaning: "O lead já estava no nosso funil de vendas antes do registro da indicação.",
    },
    en: {
      label: "Already in the funnel",
      meaning: "The lead was already in our sales funnel before the referral was registered.",
    },
  },
  already_customer: {
    "pt-BR": {
      label: "Já é cliente",
      meaning: "A empresa indicada já é cliente; a política não aceita clientes atuais.",
    },
    en: {
      label: "Already a customer",
      meaning: "The company is already a customer; the policy excludes current customers.",
    },
  },
  partner_program_customer: {
    "pt-BR": {
      label: "Cliente do Programa de Parceiros",
      meaning: "A empresa indicada já é cliente do Programa de Parceiros.",
    },
    en: { label: "Partner program customer", meaning: "The company is already a partner program customer." },
  },
  contact_problem_or_no_interest: {
    "pt-BR": {
      label: "Problemas com contato ou desinteresse",
      meaning: "Não conseguimos falar com o contato, ou ele não teve interesse.",
    },
    en: {
      label: "Contact problems or no interest",
      meaning: "We could not reach the contact, or they had no interest.",
    },
  },
  already_referred: {
    "pt-BR": {
      label: "Já indicada antes",
      meaning:
        "Outra pessoa indicou esta empresa antes; pela política, vale a indicação com registro mais antigo.",
    },
    en: {
      label: "Referred before",
      meaning: "Someone else referred this company first; under the policy the earliest referral counts.",
    },
  },
  former_customer_recent: {
    "pt-BR": {
      label: "Ex-cliente recente",
      meaning:
        "A empresa foi cliente nos últimos meses; a política não aceita quem foi cliente nesse período.",
    },
    en: {
      label: "Recent former customer",
      meaning: "The company was a customer in the last months; the policy excludes recent former customers.",
    },
  },
  contact_unaware: {
    "pt-BR": {
      label: "Indicação fria",
      meaning:
        "O contato não sabia da indicação ou recusou. A política exige que o indicado saiba que você o indicou.",
    },
    en: {
      label: "Cold referral",
      meaning: "The contact did not know about the referral or objected. The policy requires that they know.",
    },
  },
  out_of_sla: {
    "pt-BR": { label: "Fora do SLA", meaning: "O lead não avançou no nosso funil de vendas." },
    en: { label: "Out of SLA", meaning: "The lead did not move forward in our sales funnel." },
  },
  budget: {
    "pt-BR": { label: "Orçamento", meaning: "O lead não quis seguir por falta de orçamento." },
    en: { label: "Budget", meaning: "The lead did not go on for lack of budget." },
  },
  chose_other_tool: {
    "pt-BR": { label: "Outra ferramenta", meaning: "O lead optou por contratar outra ferramenta." },
    en: { label: "Another tool", meaning: "The lead chose another tool." },
  },
  no_time: {
    "pt-BR": { label: "Sem tempo", meaning: "O lead disse não ter tempo para dedicar à ferramenta." },
    en: { label: "No time", meaning: "The lead said they have no time to dedicate to the tool." },
  },
  decision_maker_declined: {
    "pt-BR": { label: "Decisor não aprovou", meaning: "O decisor da compra não aprovou." },
    en: { label: "Decision maker declined", meaning: "The purchase decision maker did not approve." },
  },
  no_contact: {
    "pt-BR": { label: "Sem contato", meaning: "Não conseguimos contato com o lead." },
    en: { label: "No contact", meaning: "We could not reach the lead." },
  },
};

export function statusLabel(status: ReferralStatus, locale: Locale): Words {
  return statusWords[status][locale];
}

/** A reason code in words; an unknown code (from an older release) reads as itself. */
export function reasonLabel(reason: string, locale: Locale): Words {
  return reasonWords[reason]?.[locale] ?? { label: reason, meaning: "" };
}
