// Participants as other modules need them: by id for a page of rows, a card to show beside a ticket or a
// referral. Writes stay in this module's use cases.
import { and, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import { NotFound } from "../../platform/http/errors.js";
import { getProgramByIdOrThrow, type Program } from "../programs/index.js";
import { type Participant, participants } from "./schema.js";

/** The organization's participants among `ids` (another organization's are absent): one query. */
export async function participantsByIds(
  db: Db,
  scope: OrganizationScope,
  ids: (string | null)[],
): Promise<Map<string, Participant>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select()
    .from(participants)
    .where(and(eq(participants.organizationId, scope.organizationId), inArray(participants.id, wanted)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** One participant of the organization; another organization's is a 404, as if it did not exist. */
export async function getOrganizationParticipantOrThrow(
  db: Db,
  scope: OrganizationScope,
  participantId: string,
): Promise<Participant> {
  const participant = (await participantsByIds(db, scope, [participantId])).get(participantId);
  if (!participant) throw new NotFound("participant_not_found", "Participant not found.");
  return participant;
}

/**
 * Participants by id whatever their organization, for code holding ids read from its own tenant-scoped
 * rows (a batch of tickets of several organizations): the rows already say whose they are.
 */
export async function participantsOfRows(db: Db, ids: string[]): Promise<Map<string, Participant>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(participants).where(inArray(participants.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * A participant with their program, for what is written to them (e-mails name the program and speak
 * its language); null when there is no such participant. The id comes from the caller's own row.
 */
export async function participantWithProgram(
  db: Db,
  participantId: string,
): Promise<{ participant: Participant; program: Program } | null> {
  const participant = (await participantsOfRows(db, [participantId])).get(participantId);
  if (!participant) return null;
  return { participant, program: await getProgramByIdOrThrow(db, participant.programId) };
}

/** Active participants of every program who want the monthly digest (a progress bar's total). */
export async function countDigestSubscribers(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(participants)
    .where(and(eq(participants.status, "active"), eq(participants.wantsMonthlyDigest, true)));
  return Number(row?.n ?? 0);
}

/**
 * The participants (active or not, in any program and organization) with one of these addresses: inbound
 * mail learns whose it is from the sender, before it knows the tenant.
 */
export async function participantsWithEmails(db: Db, emails: string[]): Promise<Participant[]> {
  if (emails.length === 0) return [];
  return db
    .select()
    .from(participants)
    .where(inArray(participants.email, [...new Set(emails)]));
}
