// GET /api/admin/referrals and its CSV export: the organization's referrals, filtered, sorted and paged
// by keyset on (sort key, id), each sort backed by an (organization, key, id) index.
import { and, asc, desc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/client.js";
import { cursorKeys, decodeCursor, pageOf } from "../../../platform/db/keyset.js";
import type { OrganizationScope } from "../../../platform/db/tenant.js";
import { participantDirectory } from "../../participants/read-models.js";
import { listProgramTimeZones } from "../../programs/index.js";
import { staffDirectory } from "../../staff/read-models.js";
import { referrals } from "../schema.js";
import type { TAdminReferralSummary, TReferralFilters, TReferralListQuery } from "./admin-schemas.js";

const sortColumns = {
  createdAt: referrals.createdAt,
  updatedAt: referrals.updatedAt,
  companyName: referrals.companyName,
} as const;

export async function listReferrals(db: Db, scope: OrganizationScope, query: TReferralListQuery) {
  const column = sortColumns[query.sort];
  const conditions = [await filterCondition(db, scope, query)];
  if (query.cursor) {
    const after = decodeCursor(
      query.cursor,
      query.sort === "companyName" ? cursorKeys.text : cursorKeys.instant,
    );
    const key = query.sort === "companyName" ? sql`${after.key}` : sql`${after.key}::timestamptz`;
    conditions.push(
      query.order === "desc"
        ? sql`(${column}, ${referrals.id}) < (${key}, ${after.id}::uuid)`
        : sql`(${column}, ${referrals.id}) > (${key}, ${after.id}::uuid)`,
    );
  }
  const direction = query.order === "desc" ? desc : asc;
  const rows = await summaryQuery(db)
    .where(and(...conditions))
    .orderBy(direction(column), direction(referrals.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => ({
    key: query.sort === "companyName" ? row.companyName : row[query.sort].toISOString(),
    id: row.id,
  }));
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}

export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["where"]>>[number];

export function summaryQuery(db: Db) {
  return (
    db
      .select({
        id: referrals.id,
        programId: referrals.programId,
        status: referrals.status,
        reason: referrals.reason,
        companyName: referrals.companyName,
        companyCnpj: referrals.companyCnpj,
        contactName: referrals.contactName,
        contactEmail: referrals.contactEmail,
        referrerId: participantDirectory.id,
        referrerName: participantDirectory.name,
        referrerEmail: participantDirectory.email,
        assigneeId: staffDirectory.id,
        assigneeName: staffDirectory.name,
        createdAt: referrals.createdAt,
        updatedAt: referrals.updatedAt,
      })
      .from(referrals)
      // Read models of participants and staff (ARCHITECTURE.md): the list and its CSV export stream
      // rows with the referrer's and assignee's names in one query.
      .innerJoin(participantDirectory, eq(participantDirectory.id, referrals.participantId))
      .leftJoin(staffDirectory, eq(staffDirectory.id, referrals.assigneeId))
  );
}

export function toSummary(row: SummaryRow): TAdminReferralSummary {
  return {
    id: row.id,
    programId: row.programId,
    status: row.status,
    reason: row.reason,
    companyName: row.companyName,
    companyCnpj: row.companyCnpj,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    referrer: { id: row.referrerId, name: row.referrerName, email: row.referrerEmail },
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? "" } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The WHERE of the list and the export: always inside the caller's organization. */
export async function filterCondition(db: Db, scope: OrganizationScope, filters: TReferralFilters) {
  const conditions: (SQL | undefined)[] = [eq(referrals.organizationId, scope.organizationId)];
  if (filters.programId) conditions.push(eq(referrals.programId, filters.programId));
  if (filters.status) conditions.push(eq(referrals.status, filters.status));
  if (filters.reason) conditions.push(eq(referrals.reason, filters.reason));
  if (filters.referrerId) conditions.push(eq(referrals.participantId, filters.referrerId));
  if (filters.assigneeId === "none") conditions.push(isNull(referrals.assigneeId));
  else if (filters.assigneeId) conditions.push(eq(referrals.assigneeId, filters.assigneeId));
  if (filters.from || filters.to) {
    // Dates are calendar days where the program runs, as staff read them.
    const timeZone = await programTimeZone(db, scope, filters.programId);
    if (filters.from) {
      conditions.push(
        sql`${referrals.createdAt} >= (${filters.from}::date::timestamp at time zone ${timeZone})`,
      );
    }
    if (filters.to) {
      conditions.push(
        sql`${referrals.createdAt} < ((${filters.to}::date + 1)::timestamp at time zone ${timeZone})`,
      );
    }
  }
  if (filters.q) conditions.push(textMatch(filters.q));
  return and(...conditions);
}

function textMatch(q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const cnpjPart = q.replace(/[.\-/\s]/g, "").toUpperCase();
  return or(
    sql`${referrals.companyName} ilike ${pattern}`,
    sql`${referrals.contactName} ilike ${pattern}`,
    sql`${referrals.contactEmail} ilike ${pattern}`,
    cnpjPart.length >= 2
      ? sql`${referrals.companyCnpj} like ${`%${cnpjPart.replace(/[\\%_]/g, "")}%`}`
      : undefined,
  )!;
}

async function programTimeZone(db: Db, scope: OrganizationScope, programId?: string): Promise<string> {
  const [program] = await listProgramTimeZones(db, scope, programId);
  return program?.timeZone ?? "America/Sao_Paulo";
}
