// The SMTP door (started when INBOUND_SMTP_PORT is set): accepts mail only for the reply domain, up to
// MAX_INBOUND_BYTES, and answers 250 only once the message is stored with its processing job. A storage
// failure answers 451, so the sending server keeps the message and tries again later: nothing is lost.
// No AUTH (mail servers deliver unauthenticated) and no STARTTLS here: terminate TLS in front of it or
// keep the port on a private network behind the MX relay.
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from "smtp-server";
import type { AppContext } from "../../platform/context.js";
import { MAX_INBOUND_BYTES, receiveInboundEmail } from "./receive-email.js";

type SmtpError = Error & { responseCode?: number };

function smtpError(code: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode: code });
}

export type InboundSmtpServer = { port: number; close(): Promise<void> };

export async function startInboundSmtpServer(
  ctx: Pick<AppContext, "db" | "jobs" | "mail" | "logger" | "config" | "dns">,
  options: { port: number; host: string },
): Promise<InboundSmtpServer> {
  const domain = ctx.mail.replyDomain.toLowerCase();
  const server = new SMTPServer({
    name: domain,
    banner: "Corrente inbound mail",
    size: MAX_INBOUND_BYTES,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    maxClients: 100,
    socketTimeout: 60_000,
    logger: false,
    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (error?: Error) => void) {
      const recipientDomain = address.address.split("@").pop()?.toLowerCase();
      if (recipientDomain !== domain) return callback(smtpError(550, "5.1.1 No such recipient here"));
      if (session.envelope.rcptTo.length >= 50) return callback(smtpError(452, "4.5.3 Too many recipients"));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes <= MAX_INBOUND_BYTES) chunks.push(chunk);
      });
      stream.on("end", () => {
        // smtp-server keeps reading past SIZE so the client sees a clean 552, not a dropped connection.
        if (bytes > MAX_INBOUND_BYTES || (stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(smtpError(552, "5.3.4 Message too big"));
        }
        const mailFrom = session.envelope.mailFrom;
        receiveInboundEmail(ctx, {
          raw: Buffer.concat(chunks),
          via: "smtp",
          envelopeFrom: mailFrom ? mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          client: {
            address: session.remoteAddress,
            helo: session.hostNameAppearsAs,
            mailFrom: mailFrom ? mailFrom.address : "",
          },
        }).then(
          () => callback(),
          (error: unknown) => {
            ctx.logger.error({ err: error }, "inbound SMTP: could not store a message");
            callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
          },
        );
      });
    },
  });
  server.on("error", (error) => ctx.logger.warn({ err: error }, "inbound SMTP connection error"));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
