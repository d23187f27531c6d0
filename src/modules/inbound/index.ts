export { createInboundProcessHandler } from "./process-job.js";
export { inboundProcessJob, MAX_INBOUND_BYTES, receiveInboundEmail } from "./receive-email.js";
export { type InboundSmtpServer, startInboundSmtpServer } from "./smtp-listener.js";
