import { and, asc, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { ProgramScope } from "../../platform/db/tenant.js";
import { rewardItems } from "./schema.js";

/** Items a referrer may choose now: active and in stock (the policy: rewards current at choice time). */
export async function listAvailableRewardItems(db: Db, scope: Pick<ProgramScope, "programId">) {
  return db
    .select()
    .from(rewardItems)
    .where(
      and(
        eq(rewardItems.programId, scope.programId),
        eq(rewardItems.isActive, true),
        or(isNull(rewardItems.stock), gt(rewardItems.stock, 0)),
      ),
    )
    .orderBy(asc(rewardItems.createdAt), asc(rewardItems.id));
}
