// `corrente inbound failed [--organization SLUG] [--limit N]`: the received e-mails that could not be
// processed (unreadable as mail: unreadable-email.ts), newest first, with why, for owners who have no
// other way to see mail that names no organization. The originals stay stored; agents see their
// organization's in the helpdesk's inbound list ("Falharam").
import { parseArgs } from "node:util";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { findOrganizationBySlug, getOrganizationOrThrow } from "../programs/index.js";
import { inboundEmails } from "./schema.js";

class InboundUsageError extends Error {
  override name = "UsageError";
}

const USAGE = "Usage: corrente inbound failed [--organization SLUG] [--limit N]";

export type InboundCommandArgs = { organization?: string; limit: number };

export function parseInboundArgs(args: string[]): InboundCommandArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { organization: { type: "string" }, limit: { type: "string" } },
  });
  const limit = Number(values.limit ?? 50);
  if (positionals.join(" ") !== "failed" || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new InboundUsageError(USAGE);
  }
  return { organization: values.organization, limit };
}

export async function inboundFailedCommand(ctx: Pick<AppContext, "db">, args: InboundCommandArgs) {
  const conditions: SQL[] = [eq(inboundEmails.status, "failed")];
  if (args.organization) {
    const organization = await findOrganizationBySlug(ctx.db, args.organization);
    if (!organization) throw new InboundUsageError(`No organization "${args.organization}".`);
    conditions.push(eq(inboundEmails.organizationId, organization.id));
  }
  const [total] = await ctx.db
    .select({ value: count() })
    .from(inboundEmails)
    .where(and(...conditions));
  const rows = await ctx.db
    .select({
      id: inboundEmails.id,
      receivedAt: inboundEmails.receivedAt,
      organizationId: inboundEmails.organizationId,
      via: inboundEmails.via,
      envelopeFrom: inboundEmails.envelopeFrom,
      sizeBytes: inboundEmails.sizeBytes,
      outcome: inboundEmails.outcome,
    })
    .from(inboundEmails)
    .where(and(...conditions))
    .orderBy(desc(inboundEmails.receivedAt), desc(inboundEmails.id))
    .limit(args.limit);
  const slugs = await organizationSlugs(
    ctx,
    rows.map((row) => row.organizationId),
  );
  const n = total?.value ?? 0;
  console.log(n === 0 ? "No received e-mail failed." : `${n} received e-mail${n === 1 ? "" : "s"} failed:`);
  for (const row of rows) {
    console.log(
      [
        row.receivedAt.toISOString().slice(0, 16).replace("T", " "),
        (row.organizationId ? (slugs.get(row.organizationId) ?? "?") : "-").padEnd(16),
        row.via.padEnd(4),
        `${(row.sizeBytes / 1_048_576).toFixed(1)} MB`.padStart(8),
        row.id,
      ].join("  "),
    );
    console.log(`    from ${row.envelopeFrom || "(unknown)"}: ${row.outcome ?? ""}`);
  }
  if (n > rows.length) console.log(`(${n - rows.length} more; --limit shows more)`);
}

async function organizationSlugs(ctx: Pick<AppContext, "db">, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const organizations = await Promise.all(
    unique.map((organizationId) => getOrganizationOrThrow(ctx.db, { organizationId })),
  );
  return new Map(organizations.map((organization) => [organization.id, organization.slug]));
}
