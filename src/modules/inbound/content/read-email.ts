// Everything inbound mail learns from a message's bytes alone: its parsed fields, whether a person wrote
// it, and (for a person's mail) what they wrote now. No database.
import { type ClassifyEmailOptions, classifyEmail, type EmailClassification } from "./classify-email.js";
import { extractReply } from "./extract-reply.js";
import { type ParsedEmail, parseEmail } from "./parse-email.js";

export type ReadEmail = {
  parsed: ParsedEmail;
  classification: EmailClassification;
  /** What the person wrote now (quoted history and signature stripped); null for automatic mail. */
  reply: { text: string; html: string } | null;
};

export async function readEmail(raw: Buffer, options: ClassifyEmailOptions): Promise<ReadEmail> {
  const parsed = await parseEmail(raw);
  const classification = classifyEmail(parsed, options);
  return { parsed, classification, reply: classification.kind === "person" ? extractReply(parsed) : null };
}
