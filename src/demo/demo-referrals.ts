// The demo referrer's referrals, one per kind of story the back office and the portal tell: in
// qualification, in the sales process, disqualified with the policy's reason, and sold with a reward to
// choose. Stored as past referrals (no e-mails, no jobs): the demo starts quiet.
import { recordPastReferral } from "../modules/referrals/index.js";
import { recordPastOffer } from "../modules/rewards/index.js";
import type { Db } from "../platform/db/client.js";
import type { ReferralStatus } from "../shared/referral-codes.js";
import { todayIn } from "../shared/today.js";

type DemoStory = {
  company: string;
  cnpj: string;
  contact: [name: string, role: string, email: string];
  path: { to: ReferralStatus; reason?: string }[];
  daysAgo: number;
};

const stories: DemoStory[] = [
  {
    company: "Transportadora Rápida Ltda",
    cnpj: "11222333000181",
    contact: ["Bruno Souza", "Gerente de TI", "bruno@transportadora-rapida.example.com"],
    path: [],
    daysAgo: 2,
  },
  {
    company: "Clínica Bem-Estar S.A.",
    cnpj: "44555666000181",
    contact: ["Carla Lima", "Coordenadora de Atendimento", "carla@clinica-bemestar.example.com"],
    path: [{ to: "qualified" }, { to: "in_commercial_process" }],
    daysAgo: 12,
  },
  {
    company: "Escola Futuro ME",
    cnpj: "77888999000181",
    contact: ["Diego Alves", "Diretor de TI", "diego@escola-futuro.example.com"],
    path: [{ to: "not_qualified", reason: "already_customer" }],
    daysAgo: 20,
  },
  {
    company: "Construtora Horizonte Ltda",
    cnpj: "12312312000110",
    contact: ["Elisa Prado", "Gerente de Atendimento", "elisa@horizonte.example.com"],
    path: [{ to: "qualified" }, { to: "in_commercial_process" }, { to: "sale_confirmed" }],
    daysAgo: 40,
  },
];

export async function seedDemoReferrals(
  tx: Db,
  scope: { organizationId: string; programId: string },
  participantId: string,
) {
  for (const story of stories) {
    const last = story.path.at(-1);
    const isSold = last?.to === "sale_confirmed";
    const closedOn = previousMonthDay();
    const [name, role, email] = story.contact;
    const { referralId, saleId } = await recordPastReferral(tx, scope, {
      participantId,
      referrerIsCustomer: true,
      company: { name: story.company, cnpj: story.cnpj, size: "large", supportAgents: 15 },
      contact: {
        name,
        role,
        email,
        department: role.includes("TI") ? "it" : "customer_service",
        phone: "+551133334444",
      },
      createdAt: new Date(Date.now() - story.daysAgo * 86_400_000),
      moves: story.path,
      findings: last?.reason === "already_customer" ? ["active_customer"] : [],
      sale: isSold ? { cnpjs: [story.cnpj], isUpgrade: false, closedOn } : undefined,
    });
    if (saleId) {
      await recordPastOffer(tx, {
        ...scope,
        participantId,
        referralId,
        saleId,
        companyName: story.company,
        closedOn,
      });
    }
  }
}

/** The 15th of last month: a sale closed then has its reward due this month. */
function previousMonthDay(): string {
  const [year, month] = todayIn().split("-").map(Number);
  return month === 1 ? `${year! - 1}-12-15` : `${year}-${String(month! - 1).padStart(2, "0")}-15`;
}
