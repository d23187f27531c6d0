// The demo referrer's referrals, one per kind of story the back office and the portal tell: in
// qualification, in the sales process, disqualified with the policy's reason, and sold with a reward to
// choose. Written directly (no e-mails, no jobs): the demo starts quiet.
import {
  type ReferralStatus,
  referralEvents,
  referralFindings,
  referralSales,
  referrals,
} from "../modules/referrals/index.js";
import { dueMonthAfter, rewardOffers } from "../modules/rewards/index.js";
import type { Db } from "../platform/db/client.js";
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
    const createdAt = new Date(Date.now() - story.daysAgo * 86_400_000);
    const last = story.path.at(-1);
    const [referral] = await tx
      .insert(referrals)
      .values({
        ...scope,
        participantId,
        status: last?.to ?? "in_progress",
        reason: last?.reason ?? null,
        version: story.path.length + 1,
        companyName: story.company,
        companyNameNormalized: story.company.toLowerCase(),
        companyCnpj: story.cnpj,
        companyCnpjRoot: story.cnpj.slice(0, 8),
        contactCorporateDomain: story.contact[2].split("@")[1]!,
        contactName: story.contact[0],
        contactRole: story.contact[1],
        contactDepartment: story.contact[1].includes("TI") ? "it" : "customer_service",
        contactEmail: story.contact[2],
        contactPhone: "+551133334444",
        companySize: "large",
        supportAgents: 15,
        referrerIsCustomer: true,
        checksCompletedAt: createdAt,
        createdAt,
        updatedAt: createdAt,
      })
      .returning();
    const id = referral!.id;
    const steps = [{ to: "in_progress" as const, reason: undefined }, ...story.path];
    await tx.insert(referralEvents).values(
      steps.map((step, index) => ({
        referralId: id,
        programId: scope.programId,
        fromStatus: index === 0 ? null : steps[index - 1]!.to,
        toStatus: step.to,
        reason: step.reason ?? null,
        actorKind: index === 0 || step.reason ? ("system" as const) : ("staff" as const),
        createdAt: new Date(createdAt.getTime() + index * 3 * 86_400_000),
      })),
    );
    if (last?.reason === "already_customer") {
      await tx.insert(referralFindings).values({ referralId: id, kind: "active_customer", detail: {} });
    }
    if (last?.to === "sale_confirmed") await seedSale(tx, scope, participantId, id, story);
  }
}

async function seedSale(
  tx: Db,
  scope: { organizationId: string; programId: string },
  participantId: string,
  referralId: string,
  story: DemoStory,
) {
  // Closed in the previous month: the reward is due this month.
  const [year, month] = todayIn().split("-").map(Number);
  const closedOn = month === 1 ? `${year! - 1}-12-15` : `${year}-${String(month! - 1).padStart(2, "0")}-15`;
  const [sale] = await tx
    .insert(referralSales)
    .values({ ...scope, referralId, cnpjs: [story.cnpj], isUpgrade: false, closedOn })
    .returning();
  await tx.insert(rewardOffers).values({
    ...scope,
    participantId,
    referralId,
    saleId: sale!.id,
    companyName: story.company,
    dueMonth: dueMonthAfter(closedOn),
  });
}
