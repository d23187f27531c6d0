import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "../db/client.js";
import { bounceAddress } from "./reply-address.js";
import { devMailbox, type OutboxEmail } from "./schema.js";

export type MailTransport = {
  kind: "smtp" | "development";
  deliver(email: OutboxEmail): Promise<void>;
  close(): void;
};

/** Every URL in a text part, so tests and the mailbox page can follow links as a reader would. */
export function extractLinks(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"')]+/g) ?? [])];
}

/** What the envelope sender is signed with: the mail settings' secret and reply domain. */
export type BounceSigning = { secret: string; replyDomain: string };

export function createSmtpTransport(smtpUrl: string, signing: BounceSigning): MailTransport {
  // Timeouts well inside the send job's expiry: a hung server fails the run instead of outliving it.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    kind: "smtp",
    async deliver(email) {
      await transporter.sendMail({
        // The envelope sender is the message's own signed bounce address (VERP, distinct from its
        // Reply-To): a delivery report comes back to a token that names the very e-mail that failed, so
        // inbound mail counts a report only for that e-mail's recipient (bounces.ts).
        envelope: {
          from: bounceAddress(signing.secret, email.id, signing.replyDomain),
          to: email.toAddress,
        },
        from: email.fromAddress,
        to: email.toAddress,
        replyTo: email.replyTo ?? undefined,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: email.headers,
      });
    },
    close: () => transporter.close(),
  };
}

/** Without SMTP_URL, mail is "delivered" to a table served at /api/dev/mailbox and /dev/mailbox. */
export function createDevelopmentTransport(db: Db): MailTransport {
  return {
    kind: "development",
    async deliver(email) {
      // Like a real mailbox, it keeps one copy per Message-ID: a delivery retried after a crash (mail is
      // sent at least once) does not show twice.
      const [seen] = await db
        .select({ id: devMailbox.id })
        .from(devMailbox)
        .where(eq(devMailbox.messageId, email.messageId))
        .limit(1);
      if (seen) return;
      await db.insert(devMailbox).values({
        messageId: email.messageId,
        toAddress: email.toAddress,
        fromAddress: email.fromAddress,
        replyTo: email.replyTo,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers,
        links: extractLinks(email.text),
      });
    },
    close: () => {},
  };
}
