// Addresses a program must not write to again, and the delivery failures that lead there. A signed
// bounce address tells us which e-mail failed (inbound's bounces.ts checks that); here is what a failure
// of that e-mail's recipient does:
// - a hard failure (RFC 3463 class 5, "permanent") suppresses the address at once;
// - a soft one (class 4, "persistent transient": a full mailbox, a server down for days) only counts:
//   SOFT_BOUNCE_LIMIT soft failures of different e-mails within SOFT_BOUNCE_WINDOW_DAYS suppress it.
// A suppression is lifted by an admin, or (a bounce only) by the referrer signing in to the portal with
// a link sent to that address, which proves it works again.
import { and, eq, gt, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { emailBounces, emailSuppressions, type SuppressionReason } from "./schema.js";

export const SOFT_BOUNCE_LIMIT = 3;
export const SOFT_BOUNCE_WINDOW_DAYS = 7;

const normalized = (address: string) => address.trim().toLowerCase();

/** Where a suppression came from, kept with it for the admins' list. */
export type SuppressionSource = { detail?: string; outboxId?: string; inboundEmailId?: string };

/**
 * Whether the program must not write to the address. `exceptBounces`: mail the reader asked for just
 * now (a sign-in link) still goes to an address that bounced.
 */
export async function isSuppressed(
  db: Db,
  programId: string,
  address: string,
  options: { exceptBounces?: boolean } = {},
): Promise<boolean> {
  const [row] = await db
    .select({ id: emailSuppressions.id })
    .from(emailSuppressions)
    .where(
      and(
        eq(emailSuppressions.programId, programId),
        eq(emailSuppressions.email, normalized(address)),
        options.exceptBounces ? ne(emailSuppressions.reason, "bounced") : undefined,
      ),
    );
  return Boolean(row);
}

/** Stops all later mail of a program to an address (idempotent: the first reason stays). */
export async function suppressAddress(
  db: Db,
  programId: string,
  address: string,
  reason: SuppressionReason,
  source: SuppressionSource = {},
): Promise<void> {
  await db
    .insert(emailSuppressions)
    .values({
      programId,
      email: normalized(address),
      reason,
      detail: source.detail?.slice(0, 300) ?? null,
      sourceOutboxId: source.outboxId ?? null,
      sourceInboundEmailId: source.inboundEmailId ?? null,
    })
    .onConflictDoNothing();
}

export type DeliveryFailure = {
  programId: string;
  /** The recipient of the e-mail that failed, as the outbox holds it. */
  email: string;
  outboxId: string;
  kind: "hard" | "soft";
  status: string | null;
  inboundEmailId: string;
};

/** Records one failure of an e-mail we sent and suppresses its recipient when the rule above says so. */
export async function recordDeliveryFailure(
  tx: Db,
  failure: DeliveryFailure,
): Promise<{ suppressed: boolean; softFailures: number }> {
  const email = normalized(failure.email);
  await tx
    .insert(emailBounces)
    .values({ ...failure, email })
    .onConflictDoNothing({ target: [emailBounces.outboxId, emailBounces.kind] });
  const source = { outboxId: failure.outboxId, inboundEmailId: failure.inboundEmailId };
  if (failure.kind === "hard") {
    await suppressAddress(tx, failure.programId, email, "bounced", {
      ...source,
      detail: failure.status ?? "hard",
    });
    return { suppressed: true, softFailures: 0 };
  }
  const softFailures = await recentSoftFailures(tx, failure.programId, email);
  if (softFailures < SOFT_BOUNCE_LIMIT) return { suppressed: false, softFailures };
  await suppressAddress(tx, failure.programId, email, "bounced", {
    ...source,
    detail: `${softFailures} soft in ${SOFT_BOUNCE_WINDOW_DAYS} days${failure.status ? ` (${failure.status})` : ""}`,
  });
  return { suppressed: true, softFailures };
}

async function recentSoftFailures(tx: Db, programId: string, email: string): Promise<number> {
  const since = new Date(Date.now() - SOFT_BOUNCE_WINDOW_DAYS * 86_400_000);
  const [row] = await tx
    .select({ failures: sql<number>`count(distinct ${emailBounces.outboxId})::int` })
    .from(emailBounces)
    .where(
      and(
        eq(emailBounces.programId, programId),
        eq(emailBounces.email, email),
        eq(emailBounces.kind, "soft"),
        gt(emailBounces.createdAt, since),
      ),
    );
  return Number(row?.failures ?? 0);
}

/**
 * Lifts suppressions by id within the caller's programs; the failures counted for those addresses go
 * with them (a soft failure from before the lift must not add up with the next one). Returns what it lifted.
 */
export async function liftSuppressions(tx: Db, programIds: string[], ids: string[]) {
  if (programIds.length === 0 || ids.length === 0) return [];
  return liftWhere(
    tx,
    and(inArray(emailSuppressions.id, ids), inArray(emailSuppressions.programId, programIds)),
  );
}

/** The referrer proved the address works (a sign-in link sent there was used): a bounce no longer holds. */
export async function liftBounceSuppression(tx: Db, programId: string, address: string): Promise<boolean> {
  const lifted = await liftWhere(
    tx,
    and(
      eq(emailSuppressions.programId, programId),
      eq(emailSuppressions.email, normalized(address)),
      eq(emailSuppressions.reason, "bounced"),
    ),
  );
  return lifted.length > 0;
}

async function liftWhere(tx: Db, condition: SQL | undefined) {
  const lifted = await tx.delete(emailSuppressions).where(condition).returning();
  for (const row of lifted) {
    await tx
      .delete(emailBounces)
      .where(and(eq(emailBounces.programId, row.programId), eq(emailBounces.email, row.email)));
  }
  return lifted;
}
