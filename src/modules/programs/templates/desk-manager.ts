// The default program, encoding the "Vai de Desk Manager" referral policy (shared/seeds/000_…txt).
// Every rule the policy states is here in pt-BR and English; code that enforces a rule reads the
// program's parameters (minimum age, cooldown, …), and these texts explain them to people.
import type { TLocalizedText } from "../../../shared/localized-text.js";
import type { TContactReason, TProgramRules } from "../schema.js";

const t = (ptBR: string, en: string): TLocalizedText => ({ "pt-BR": ptBR, en });

export const deskManagerProgram = {
  slug: "desk-manager",
  name: "Vai de Desk Manager",
  // "O programa iniciou no dia 01/10/2021 e será mantido por tempo indeterminado."
  startsOn: "2021-10-01",
  endsOn: null,
  timeZone: "America/Sao_Paulo",
  minimumAge: 18,
  exCustomerCooldownMonths: 6,
  dailyReferralLimitPerReferrer: 20,
  dailyReferralLimitPerIp: 60,
  contactConfirmationRequired: false,
  automaticDecisionNoticeDelayHours: 24,
  termsVersion: "2021-10-01",
} as const;

export const deskManagerContactReasons: TContactReason[] = [
  { code: "referral_status", label: t("Status de uma indicação", "Status of a referral") },
  { code: "reward", label: t("Prêmios e entrega", "Rewards and delivery") },
  { code: "program_rules", label: t("Regras do programa", "Program rules") },
  { code: "personal_data", label: t("Meus dados e LGPD", "My data and privacy (LGPD)") },
  { code: "other", label: t("Outro assunto", "Something else") },
];

export const deskManagerRules: TProgramRules = {
  summary: t(
    "O Vai de Desk Manager é o programa oficial de indicação da Desk Manager Software: indique empresas que precisam de um help desk e ganhe um prêmio por cada venda realizada.",
    "Vai de Desk Manager is Desk Manager Software's official referral program: refer companies that need a help desk and earn a reward for each sale.",
  ),
  sections: [
    {
      key: "who",
      title: t("Quem pode participar", "Who can take part"),
      items: [
        t("Clientes ou profissionais com mais de 18 anos.", "Customers or professionals over 18 years old."),
        t(
          "As indicações são feitas pela página oficial do programa.",
          "Referrals are made through the program's official page.",
        ),
      ],
    },
    {
      key: "validation",
      title: t("Critérios para validar a indicação", "What makes a referral valid"),
      items: [
        t(
          "A empresa indicada precisa existir e os dados de contato precisam ser verdadeiros.",
          "The referred company must exist and the contact data must be true.",
        ),
        t(
          "A empresa não pode ser cliente atual da Desk Manager, nem ter sido cliente nos últimos 6 meses.",
          "The company may not be a current Desk Manager customer, nor have been one in the last 6 months.",
        ),
        t(
          "Seu contato precisa saber que você o indicou; sem isso, a indicação é considerada fria e não vale.",
          "Your contact must know you referred them; otherwise it is a cold referral and does not count.",
        ),
        t(
          "A empresa não pode já estar em contato com a equipe de vendas.",
          "The company may not already be in touch with the sales team.",
        ),
      ],
    },
    {
      key: "profile",
      title: t("Perfil de lead qualificado", "Qualified lead profile"),
      items: [
        t(
          "Diretor, gerente ou coordenador de TI de médias e grandes empresas.",
          "IT director, manager or coordinator at a mid-sized or large company.",
        ),
        t(
          "Diretor, gerente ou coordenador de atendimento de médias e grandes empresas.",
          "Customer service director, manager or coordinator at a mid-sized or large company.",
        ),
        t(
          "Empresas que prestam serviços de TI com mais de 5 atendentes.",
          "IT service companies with more than 5 support agents.",
        ),
        t(
          "Empresas B2B com departamento de atendimento com mais de 5 pessoas.",
          "B2B companies whose support team has more than 5 people.",
        ),
        t(
          "Não pode estar no pipeline de vendas nem ter sido indicada antes por outra pessoa: vale a indicação registrada primeiro.",
          "It may not be in the sales pipeline or have been referred earlier by someone else: the earliest registered referral wins.",
        ),
      ],
    },
    {
      key: "rewards",
      title: t("Prêmios", "Rewards"),
      items: [
        t(
          "Cada venda realizada vale 1 (um) prêmio, independentemente do tamanho do projeto ou do número de CNPJs.",
          "Each sale earns 1 (one) reward, whatever the size of the deal or the number of company registrations (CNPJs).",
        ),
        t("Upgrades de plano não valem prêmio em nenhum caso.", "Plan upgrades never earn a reward."),
        t(
          "Após a venda, você escolhe entre os prêmios disponíveis naquele momento.",
          "After the sale you choose among the rewards available at that moment.",
        ),
        t(
          "A entrega acontece no mês seguinte ao mês da venda; atrasos podem ocorrer por problemas com operadoras de voucher ou transporte.",
          "Delivery happens in the month after the sale's month; delays may happen because of voucher or shipping providers.",
        ),
      ],
    },
    {
      key: "lgpd",
      title: t("LGPD e uso de dados", "Privacy (LGPD) and use of data"),
      items: [
        t(
          "É proibido obter dados por compra de listas ou práticas semelhantes.",
          "Obtaining data by buying lists or similar practices is forbidden.",
        ),
        t(
          "A empresa indicada será informada do nome de quem a indicou.",
          "The referred company will be told who referred it.",
        ),
        t(
          "Quem indica é responsável por indicações feitas fora dos padrões da lei.",
          "Referrers are responsible for referrals made outside the law.",
        ),
      ],
    },
    {
      key: "status",
      title: t("Acompanhamento", "Following your referrals"),
      items: [
        t(
          "Todo mês enviamos por e-mail o status de cada indicação, e você acompanha tudo em Minhas Indicações.",
          "Every month we e-mail the status of each referral, and you can follow everything in My Referrals.",
        ),
      ],
    },
  ],
  tips: [
    t(
      "Compartilhe com amigos e colegas que trabalham em empresas com o perfil de clientes da Desk Manager.",
      "Share with friends and colleagues who work at companies with Desk Manager's customer profile.",
    ),
    t(
      "Se você é cliente, conte sua experiência com a plataforma e com nosso atendimento; quem se interessar pode ser indicado.",
      "If you are a customer, share your experience with the platform and our support; whoever gets interested can be referred.",
    ),
    t(
      "Compartilhe os materiais da Desk Manager nas redes sociais e converse com quem demonstrar interesse.",
      "Share Desk Manager's materials on social media and talk to the people who show interest.",
    ),
  ],
};

export const deskManagerSupportMaterials = [
  {
    title: t("Como fazer uma boa indicação", "How to make a good referral"),
    bodyMarkdown: t(
      "Avise seu contato antes de indicar, preencha todos os campos e prefira o e-mail corporativo dele.",
      "Tell your contact before referring them, fill in every field and prefer their work e-mail.",
    ),
    linkUrl: null,
  },
  {
    title: t("Perfil de cliente da Desk Manager", "Desk Manager's customer profile"),
    bodyMarkdown: t(
      "Empresas médias e grandes com equipes de TI ou de atendimento, prestadoras de serviços de TI e empresas B2B com mais de 5 atendentes.",
      "Mid-sized and large companies with IT or support teams, IT service providers and B2B companies with more than 5 agents.",
    ),
    linkUrl: null,
  },
];
