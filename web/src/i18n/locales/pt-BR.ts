import { adminPtBR } from "./admin/pt-BR";
import { portalPtBR } from "./portal/pt-BR";
// pt-BR is the product's first language and the shape every other language must match.
export const ptBR = {
  common: {
    productName: "Corrente",
    loading: "Carregando…",
    /** Every keyset list's button (app/list-kit). */
    loadMore: "Carregar mais",
    retry: "Tentar novamente",
    signOut: "Sair",
    skipToContent: "Pular para o conteúdo",
    toggleNavigation: "Mostrar ou esconder o menu",
    mainNavigation: "Navegação principal",
    language: "Idioma",
    languageNames: { ptBR: "Português (Brasil)", en: "English" },
    languageShort: { ptBR: "PT", en: "EN" },
    home: "Início",
    yes: "Sim",
    no: "Não",
    cancel: "Cancelar",
    sessionLoadFailed: "Não foi possível carregar sua sessão.",
  },
  notFound: {
    title: "Página não encontrada",
    body: "O endereço que você abriu não existe ou foi movido.",
    backHome: "Voltar ao início",
  },
  routeError: {
    title: "Algo deu errado",
    body: "Esta página encontrou um erro inesperado. Recarregar costuma resolver.",
    reload: "Recarregar a página",
  },
  errors: {
    network: "Não foi possível falar com o servidor. Verifique sua conexão e tente de novo.",
    rateLimited: "Muitas tentativas seguidas. Aguarde um pouco e tente de novo.",
    invalidCredentials: "E-mail ou senha incorretos.",
    programNotFound: "Não encontramos este programa. Confira o endereço que você recebeu.",
    validationFailed: "Confira os campos destacados.",
    forbidden: "Seu papel não permite esta ação.",
    csrfFailed: "Sua sessão mudou em outra aba. Recarregue a página e tente de novo.",
    notFound: "Não encontramos o que você procurava: pode ter sido removido.",
    generic: "Algo deu errado do nosso lado. Tente de novo em instantes.",
  },
  validation: {
    emailRequired: "Informe seu e-mail.",
    emailInvalid: "Informe um e-mail válido, como nome@empresa.com.br.",
    passwordRequired: "Informe sua senha.",
    programRequired: "Escolha um programa.",
    fieldInvalid: "Confira este campo.",
  },
  referral: {
    status: {
      in_progress: "Indicação em andamento",
      qualified: "Lead qualificado",
      not_qualified: "Lead não qualificado",
      in_commercial_process: "Lead no processo comercial",
      not_advanced: "Lead não avançou no processo comercial",
      sale_confirmed: "Venda confirmada",
    },
    reason: {
      invalid_email: "E-mail inválido",
      outside_profile: "Fora das características mínimas",
      already_in_funnel: "Lead já estava no funil antes da indicação",
      already_customer: "Já é cliente",
      partner_program_customer: "Cliente de programa de parceiros",
      contact_problem_or_no_interest: "Problema no contato ou sem interesse",
      already_referred: "Já indicada por outro indicador",
      former_customer_recent: "Ex-cliente há menos de 6 meses",
      contact_unaware: "Contato não sabia da indicação",
      out_of_sla: "Fora do prazo (SLA)",
      budget: "Orçamento",
      chose_other_tool: "Escolheu outra ferramenta",
      no_time: "Sem tempo no momento",
      decision_maker_declined: "Decisor não aprovou",
      no_contact: "Sem retorno do contato",
    },
    finding: {
      already_referred: "Já indicada antes por outro indicador",
      active_customer: "Cliente ativo no cadastro de clientes",
      former_customer_recent: "Ex-cliente dentro da carência",
      former_customer: "Ex-cliente fora da carência",
      partner_customer: "Cliente do programa de parceiros",
      in_pipeline_before: "Já estava no pipeline de vendas antes da indicação",
      in_pipeline_after: "Entrou no pipeline de vendas depois da indicação",
    },
    fraudSignal: {
      burst_from_referrer: "Muitas indicações seguidas deste indicador ({{count}} na última hora)",
      burst_from_ip: "Muitas indicações do mesmo endereço IP ({{count}} na última hora)",
      disposable_contact_email: "O e-mail do contato é de um serviço descartável",
      disposable_referrer_email: "O e-mail do indicador é de um serviço descartável",
      contact_email_is_referrer: "O e-mail do contato é o do próprio indicador",
    },
    checklist: {
      role_and_department: "Diretor, gerente ou coordenador de TI ou de atendimento",
      company_size: "Empresa de médio ou grande porte",
      support_agents: "Mais de 5 atendentes",
      b2b: "Empresa B2B com equipe de suporte",
    },
    department: { it: "TI", customer_service: "Atendimento", other: "Outro" },
    companySize: {
      small: "Pequena",
      medium: "Média",
      large: "Grande",
      enterprise: "Muito grande (corporação)",
    },
  },
  rewards: {
    kind: { voucher: "Vale-presente", physical: "Produto físico", experience: "Experiência" },
    offerStatus: {
      awaiting_choice: "Aguardando escolha",
      chosen: "Escolhido",
      delivered: "Entregue",
      delayed: "Atrasado",
    },
  },
  admin: adminPtBR,
  portal: portalPtBR,
};

type MessagesOf<T> = { [Key in keyof T]: T[Key] extends string ? string : MessagesOf<T[Key]> };

/** What every language file must provide: the same keys as pt-BR, each a string. */
export type Messages = MessagesOf<typeof ptBR>;
