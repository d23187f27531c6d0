// Every job handler of every module, registered on the process's queue. Web processes in production
// register them too (so they know the queues) but only workers run them.
import { createInboundProcessHandler, inboundProcessJob } from "./modules/inbound/index.js";
import {
  createMonthlyDigestHandler,
  monthlyDigestJob,
  monthlyDigestSchedule,
} from "./modules/notifications/index.js";
import { createSignInLinkHandler, portalSignInLinkJob } from "./modules/participants/index.js";
import {
  contactNoticeJob,
  createContactNoticeHandler,
  createDecisionNoticeHandler,
  createReferralChecksHandler,
  decisionNoticeJob,
  referralChecksJob,
} from "./modules/referrals/index.js";
import type { AppContext } from "./platform/context.js";
import { mailSendBatchJob, mailSendJob } from "./platform/mail/outbox.js";
import { createMailSendBatchHandler, createMailSendHandler } from "./platform/mail/send-job.js";
import {
  cloudApiDelivery,
  createWhatsAppSendHandler,
  developmentDelivery,
} from "./platform/whatsapp/send-job.js";
import { whatsappSendJob } from "./platform/whatsapp/whatsapp-outbox.js";

export function registerJobHandlers(ctx: AppContext) {
  ctx.jobs.register(mailSendJob, createMailSendHandler(ctx.db, ctx.transport));
  ctx.jobs.register(mailSendBatchJob, createMailSendBatchHandler(ctx.db, ctx.transport));
  ctx.jobs.register(portalSignInLinkJob, createSignInLinkHandler(ctx));
  ctx.jobs.register(referralChecksJob, createReferralChecksHandler(ctx));
  ctx.jobs.register(decisionNoticeJob, createDecisionNoticeHandler(ctx));
  ctx.jobs.register(contactNoticeJob, createContactNoticeHandler(ctx));
  ctx.jobs.register(monthlyDigestJob, createMonthlyDigestHandler(ctx));
  ctx.jobs.schedule(monthlyDigestJob, monthlyDigestSchedule, {});
  ctx.jobs.register(inboundProcessJob, createInboundProcessHandler(ctx));
  ctx.jobs.register(whatsappSendJob, createWhatsAppSendHandler(ctx.db, whatsAppDelivery(ctx)));
}

function whatsAppDelivery(ctx: AppContext) {
  const { WHATSAPP_ACCESS_TOKEN: accessToken, WHATSAPP_PHONE_NUMBER_ID: phoneNumberId } = ctx.config;
  return accessToken && phoneNumberId
    ? cloudApiDelivery({ apiUrl: ctx.config.WHATSAPP_API_URL, accessToken, phoneNumberId })
    : developmentDelivery(ctx.db);
}
