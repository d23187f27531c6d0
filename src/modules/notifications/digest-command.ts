// `corrente digest --month YYYY-MM`: composes that month's status e-mails now (exactly once per referrer
// and month, whatever else runs), with a progress bar on a terminal. Workers then send them.
import { parseArgs } from "node:util";
import { progressLine } from "../../platform/cli/progress-line.js";
import type { AppContext } from "../../platform/context.js";
import { todayIn } from "../../shared/today.js";
import { countDigestSubscribers } from "../participants/index.js";
import { composeMonthlyDigests } from "./compose-digest.js";
import { previousMonth, ZMonth } from "./digest-job.js";

export class DigestUsageError extends Error {
  override name = "UsageError";
}

export function parseDigestArgs(args: string[]): { month: string } {
  const { values } = parseArgs({ args, options: { month: { type: "string" } } });
  const month = values.month ?? previousMonth(todayIn());
  if (!ZMonth.safeParse(month).success) {
    throw new DigestUsageError(`Usage: corrente digest [--month YYYY-MM] (got "${month}")`);
  }
  return { month };
}

export async function digestCommand(ctx: AppContext, args: { month: string }) {
  const startedAt = performance.now();
  const progress = process.stderr.isTTY
    ? progressLine({ unit: "referrers", fraction: await fractionOf(ctx) })
    : undefined;
  const totals = await composeMonthlyDigests(ctx, args.month, (p) =>
    progress?.update(p.composed + p.skipped),
  );
  progress?.end();
  const seconds = (performance.now() - startedAt) / 1000;
  console.log(
    `Monthly digest ${args.month}: ${totals.composed} e-mails composed, ${totals.skipped} already sent or skipped, in ${seconds.toFixed(1)} s.`,
  );
}

/** The share of active referrers handled so far (an upper bound: some have no referral yet). */
async function fractionOf(ctx: AppContext) {
  const total = Math.max(await countDigestSubscribers(ctx.db), 1);
  return (handled: number) => handled / total;
}
