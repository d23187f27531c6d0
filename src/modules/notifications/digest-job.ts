// The monthly digest as a scheduled job: every day at 09:00 (São Paulo) a run composes last month's
// digest for each program whose local date is in the first days of the month; the database's unique
// (participant, month) makes every run after the first a no-op, so a missed day heals the next one.
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import { defineJob, type JobOutcome, type RecurringSchedule } from "../../platform/jobs/job.js";
import { todayIn } from "../../shared/today.js";
import { listAllPrograms } from "../programs/index.js";
import { composeMonthlyDigests, composeProgramDigest } from "./compose-digest.js";

export const ZMonth = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, "Use YYYY-MM.");

export const monthlyDigestJob = defineJob(
  "notifications.monthly-digest",
  z.object({ month: ZMonth.optional() }),
  // A run over a large program takes minutes: no other worker may take it over meanwhile.
  { retryLimit: 3, expireInSeconds: 3600 },
);

export const monthlyDigestSchedule: RecurringSchedule = { cron: "0 9 * * *", timeZone: "America/Sao_Paulo" };

/** Days of the month on which the scheduled run still looks for last month's digests. */
const CATCH_UP_DAYS = 3;

export function previousMonth(today: string): string {
  const [year, month] = today.split("-").map(Number);
  return month === 1 ? `${year! - 1}-12` : `${year}-${String(month! - 1).padStart(2, "0")}`;
}

export function createMonthlyDigestHandler(ctx: AppContext) {
  return async ({ month }: { month?: string }): Promise<JobOutcome> => {
    if (month) {
      const totals = await composeMonthlyDigests(ctx, month);
      return { status: "done", detail: `${month}: ${totals.composed} composed` };
    }
    let composed = 0;
    for (const program of await listAllPrograms(ctx.db)) {
      const today = todayIn(program.timeZone);
      if (Number(today.slice(8, 10)) > CATCH_UP_DAYS) continue;
      composed += (await composeProgramDigest(ctx, program, previousMonth(today))).composed;
    }
    return composed > 0 ? { status: "done", detail: `${composed} composed` } : { status: "skipped" };
  };
}
