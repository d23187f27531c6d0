import type { RouteModule } from "../../platform/http/route-module.js";
import { inboundAdminRoutes } from "./admin-routes.js";
import { inboundRoutes } from "./inbound-routes.js";

export { createInboundProcessHandler } from "./process-job.js";
export { inboundProcessJob, MAX_INBOUND_BYTES, receiveInboundEmail } from "./receive-email.js";
export { inboundEmails } from "./schema.js";
export { type InboundSmtpServer, startInboundSmtpServer } from "./smtp-listener.js";

/** Inbound mail: the provider's HTTP door and the agents' review of received mail. */
export const inboundEmailRoutes: RouteModule = (app, ctx) => {
  inboundRoutes(app, ctx);
  inboundAdminRoutes(app, ctx);
};
