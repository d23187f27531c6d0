// Every job handler of every module, registered on the process's queue. Web processes in production
// register them too (so they know the queues) but only workers run them.
import { createSignInLinkHandler, portalSignInLinkJob } from "./modules/participants/index.js";
import { createReferralChecksHandler, referralChecksJob } from "./modules/referrals/index.js";
import type { AppContext } from "./platform/context.js";
import { mailSendJob } from "./platform/mail/outbox.js";
import { createMailSendHandler } from "./platform/mail/send-job.js";

export function registerJobHandlers(ctx: AppContext) {
  ctx.jobs.register(mailSendJob, createMailSendHandler(ctx.db, ctx.transport));
  ctx.jobs.register(portalSignInLinkJob, createSignInLinkHandler(ctx));
  ctx.jobs.register(referralChecksJob, createReferralChecksHandler(ctx));
}
