import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { enqueueEmail } from "../../platform/mail/outbox.js";
import type { EmailTemplate } from "../../platform/mail/template.js";
import { enqueueWhatsApp } from "../../platform/whatsapp/whatsapp-outbox.js";
import { participantWithProgram } from "../participants/index.js";
import {
  monthInWords,
  rewardChosenEmail,
  rewardDelayedEmail,
  rewardDeliveredEmail,
  rewardOfferedEmail,
} from "./emails/reward-emails.js";
import type { RewardOffer } from "./schema.js";

export type NoticeDeps = Pick<AppContext, "jobs" | "mail" | "config">;
type RewardStep = "offered" | "chosen" | "delivered" | "delayed";

const templates: Record<RewardStep, EmailTemplate<Parameters<typeof rewardOfferedEmail.render>[0]>> = {
  offered: rewardOfferedEmail,
  chosen: rewardChosenEmail,
  delivered: rewardDeliveredEmail,
  delayed: rewardDelayedEmail,
};

/** The approved WhatsApp template for a new offer; body: {{1}} name, {{2}} company, {{3}} month, {{4}} link. */
export const REWARD_OFFER_WHATSAPP_TEMPLATE = "corrente_reward_offer";

export async function notifyReferrerOfReward(
  deps: NoticeDeps,
  tx: Db,
  offer: RewardOffer,
  step: RewardStep,
): Promise<void> {
  const row = await participantWithProgram(tx, offer.participantId);
  if (!row) return;
  if (row.participant.status !== "active") return;
  const { participant } = row;
  const programName = row.program.name;
  const locale = resolveLocale(participant.locale);
  const rewardsUrl = `${deps.config.appUrl}/portal/rewards`;
  const owner = {
    organizationId: offer.organizationId,
    programId: offer.programId,
    participantId: participant.id,
  };
  await enqueueEmail(tx, deps, {
    template: templates[step],
    data: {
      referrerName: participant.name,
      companyName: offer.companyName,
      programName,
      dueMonth: offer.dueMonth,
      itemName: offer.item?.name[locale] ?? null,
      deliveryReference: offer.deliveryReference,
      delayNote: offer.delayNote,
      rewardsUrl,
    },
    to: participant.email,
    locale,
    brand: programName,
    ...owner,
  });
  if (step === "offered" && participant.phone) {
    const month = monthInWords(offer.dueMonth, locale);
    const parameters = [participant.name, offer.companyName, month, rewardsUrl];
    await enqueueWhatsApp(tx, deps, {
      toPhone: participant.phone,
      templateName: REWARD_OFFER_WHATSAPP_TEMPLATE,
      parameters,
      text:
        locale === "en"
          ? `Congratulations, ${participant.name}! ${offer.companyName}, the company you referred, is now a customer. Choose your reward (delivery in ${month}): ${rewardsUrl}`
          : `Parabéns, ${participant.name}! A ${offer.companyName}, que você indicou, virou cliente. Escolha seu prêmio (entrega em ${month}): ${rewardsUrl}`,
      locale,
      ...owner,
    });
  }
}
