// Messages whose bytes cannot be read as mail: mailparser refuses 10,000 parts, nesting 2,000 deep or
// 5 MB of headers, and would refuse them again on every retry. They are recorded as `failed` at once,
// with the reason, for the organization they were most likely meant for (so its agents see them, and
// owners through `corrente inbound failed`), instead of staying `received` with no organization.
import type { Db } from "../../platform/db/client.js";
import type { InboundUpdate } from "./batch-statements.js";
import type { ClassifyEmailOptions } from "./content/classify-email.js";
import { type ReadEmail, readEmail } from "./content/read-email.js";
import { replyTokenTargets } from "./reply-targets.js";
import { addressedProgramOrganization, onlyOrganization, sentEmails } from "./route-queries.js";
import type { InboundEmail } from "./schema.js";

export type UnreadableEmail = { row: InboundEmail; reason: string };

/** The message read, or why it cannot be. */
export async function readOrExplain(
  row: InboundEmail,
  options: ClassifyEmailOptions,
): Promise<ReadEmail | { unreadable: string }> {
  try {
    return await readEmail(row.raw, options);
  } catch (error) {
    return { unreadable: (error instanceof Error ? error.message : String(error)).slice(0, 400) };
  }
}

/** The outcome of each unreadable message: failed, with the reason and its likely organization. */
export async function failedUpdates(
  tx: Db,
  mail: { secret: string; replyDomain: string },
  unreadable: UnreadableEmail[],
): Promise<InboundUpdate[]> {
  const updates: InboundUpdate[] = [];
  for (const { row, reason } of unreadable) {
    const recipients = [...row.envelopeTo, ...headerRecipients(row.raw)];
    updates.push({
      id: row.id,
      status: "failed",
      outcome: `unparseable: ${reason}`,
      organizationId: await likelyOrganization(tx, mail, recipients),
    });
  }
  return updates;
}

/** The organization of the e-mail a reply token names, of the program addressed, or the only one. */
async function likelyOrganization(
  tx: Db,
  mail: { secret: string; replyDomain: string },
  recipients: string[],
) {
  const tokens = replyTokenTargets(recipients, mail.secret, mail.replyDomain);
  const [answered] = tokens.length > 0 ? await sentEmails(tx, tokens, []) : [];
  return (
    answered?.organizationId ??
    (await addressedProgramOrganization(tx, recipients, mail.replyDomain)) ??
    (await onlyOrganization(tx))
  );
}

/**
 * The recipients named in the first 64 KB of the header block, read without a MIME parser (the parser is
 * what refused the message): To, Cc, Delivered-To and X-Original-To lines, folded or not.
 */
function headerRecipients(raw: Buffer): string[] {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString("latin1");
  const unfolded = head.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const lines = unfolded.match(/^(?:to|cc|delivered-to|x-original-to):.*$/gim) ?? [];
  const addresses = lines.flatMap((line) => line.match(/[^\s<>,;:"]+@[^\s<>,;:"]+/g) ?? []);
  return [...new Set(addresses.map((address) => address.toLowerCase()))].slice(0, 50);
}
