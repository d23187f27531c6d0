// GET /api/admin/tickets/counts – the numbers beside the workspace's tabs and views, in one round trip.
// Each count stops just past COUNT_CAP (a number above it reads "1.000+"): an exact count of a million
// closed tickets would cost more than the list it decorates, and nobody reads it past that.
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { rowsOf } from "../../platform/db/raw-sql.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { getOrganizationProgramOrThrow } from "../programs/index.js";
import { isOverdue } from "./list-tickets.js";
import { tickets } from "./schema.js";

export const COUNT_CAP = 1_000;

const cappedCount = (where: SQL) =>
  sql`(select count(*)::int from (select 1 from ${tickets} where ${where} limit ${COUNT_CAP + 1}) as capped)`;

export async function countTickets(db: Db, staff: StaffPrincipal, programId?: string) {
  if (programId) await getOrganizationProgramOrThrow(db, staff, programId);
  const scope = and(
    eq(tickets.organizationId, staff.organizationId),
    programId ? eq(tickets.programId, programId) : undefined,
  )!;
  const active = and(scope, inArray(tickets.status, ["open", "pending"]))!;
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql`select
      ${cappedCount(and(scope, eq(tickets.status, "open"))!)} as "open",
      ${cappedCount(and(scope, eq(tickets.status, "pending"))!)} as "pending",
      ${cappedCount(and(scope, eq(tickets.status, "resolved"))!)} as "resolved",
      ${cappedCount(and(scope, eq(tickets.status, "closed"))!)} as "closed",
      ${cappedCount(and(active, eq(tickets.assigneeId, staff.staffUserId))!)} as "mine",
      ${cappedCount(and(active, isNull(tickets.assigneeId))!)} as "unassigned",
      ${cappedCount(and(active, isOverdue())!)} as "overdue",
      ${cappedCount(and(active, eq(tickets.situation, "awaiting_agent"))!)} as "awaitingAgent"`),
  );
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    status: { open: n("open"), pending: n("pending"), resolved: n("resolved"), closed: n("closed") },
    mine: n("mine"),
    unassigned: n("unassigned"),
    overdue: n("overdue"),
    awaitingAgent: n("awaitingAgent"),
    cap: COUNT_CAP,
  };
}
