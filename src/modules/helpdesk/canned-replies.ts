// Canned replies ("respostas prontas"): per program, written by the team, inserted into a reply with
// their placeholders filled for the ticket at hand. An unknown placeholder is refused when the reply is
// saved, so an agent never sends "{{participant.nmae}}" to a referrer.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../platform/db/client.js";
import type { OrganizationScope } from "../../platform/db/tenant.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { NotFound } from "../../platform/http/errors.js";
import { getOrganizationParticipantOrThrow } from "../participants/index.js";
import { getOrganizationProgramOrThrow } from "../programs/index.js";
import { staffCardsByIds } from "../staff/index.js";
import { type CannedReply, cannedReplies, tickets } from "./schema.js";

export const cannedReplyPlaceholders = [
  "participant.name",
  "participant.firstName",
  "participant.email",
  "ticket.number",
  "ticket.subject",
  "agent.name",
  "agent.firstName",
  "program.name",
] as const;
type Placeholder = (typeof cannedReplyPlaceholders)[number];

const PLACEHOLDER = /\{\{\s*([a-zA-Z.]+)\s*\}\}/g;

const ZBody = z
  .string()
  .trim()
  .min(1, "Escreva o texto da resposta.")
  .max(20_000)
  .superRefine((body, context) => {
    const unknown = [...body.matchAll(PLACEHOLDER)]
      .map((match) => match[1]!)
      .filter((name) => !(cannedReplyPlaceholders as readonly string[]).includes(name));
    if (unknown.length > 0) {
      context.addIssue({
        code: "custom",
        message: `Campos desconhecidos: ${[...new Set(unknown)].map((n) => `{{${n}}}`).join(", ")}.`,
      });
    }
  });
const ZTitle = z.string().trim().min(1, "Dê um título à resposta.").max(120);

export const ZCannedReplyInput = z.object({ programId: z.uuid(), title: ZTitle, body: ZBody });
export const ZCannedReplyPatch = z
  .object({ title: ZTitle, body: ZBody })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: "Nothing to change." });

export const ZCannedReply = z
  .object({
    id: z.string(),
    programId: z.string(),
    title: z.string(),
    body: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "CannedReply" });
export const ZRenderedCannedReply = ZCannedReply.extend({ rendered: z.string() });

const toCannedReply = (reply: CannedReply) => ({
  id: reply.id,
  programId: reply.programId,
  title: reply.title,
  body: reply.body,
  updatedAt: reply.updatedAt.toISOString(),
});

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** Fills the placeholders; the result is plain text like anything an agent types. */
export function fillPlaceholders(body: string, values: Record<Placeholder, string>): string {
  return body.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as Placeholder] : whole,
  );
}

export async function listCannedReplies(db: Db, scope: OrganizationScope, programId: string) {
  await getOrganizationProgramOrThrow(db, scope, programId);
  const rows = await db
    .select()
    .from(cannedReplies)
    .where(eq(cannedReplies.programId, programId))
    .orderBy(asc(cannedReplies.title), asc(cannedReplies.id));
  return rows.map(toCannedReply);
}

export async function createCannedReply(
  db: Db,
  staff: StaffPrincipal,
  input: z.infer<typeof ZCannedReplyInput>,
) {
  await getOrganizationProgramOrThrow(db, staff, input.programId);
  const [row] = await db
    .insert(cannedReplies)
    .values({ ...input, organizationId: staff.organizationId, createdById: staff.staffUserId })
    .returning();
  return toCannedReply(row!);
}

async function ownedReplyOrThrow(db: Db, scope: OrganizationScope, id: string) {
  const [row] = await db
    .select({ id: cannedReplies.id })
    .from(cannedReplies)
    .where(and(eq(cannedReplies.id, id), eq(cannedReplies.organizationId, scope.organizationId)));
  if (!row) throw new NotFound("canned_reply_not_found", "No such canned reply.");
}

export async function updateCannedReply(
  db: Db,
  scope: OrganizationScope,
  id: string,
  patch: z.infer<typeof ZCannedReplyPatch>,
) {
  await ownedReplyOrThrow(db, scope, id);
  const [row] = await db
    .update(cannedReplies)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(cannedReplies.id, id))
    .returning();
  return toCannedReply(row!);
}

export async function deleteCannedReply(db: Db, scope: OrganizationScope, id: string) {
  await ownedReplyOrThrow(db, scope, id);
  await db.delete(cannedReplies).where(eq(cannedReplies.id, id));
}

/** GET /api/admin/tickets/:id/canned-replies – the ticket's program's replies, filled for this ticket. */
export async function cannedRepliesForTicket(db: Db, staff: StaffPrincipal, ticketId: string) {
  const [ticket] = await db
    .select({
      number: tickets.number,
      subject: tickets.subject,
      programId: tickets.programId,
      participantId: tickets.participantId,
    })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.organizationId, staff.organizationId)));
  if (!ticket) throw new NotFound("ticket_not_found", "No such ticket.");
  const [participant, agents, program] = await Promise.all([
    getOrganizationParticipantOrThrow(db, staff, ticket.participantId),
    staffCardsByIds(db, staff, [staff.staffUserId]),
    getOrganizationProgramOrThrow(db, staff, ticket.programId),
  ]);
  const agentName = agents.get(staff.staffUserId)?.name ?? "";
  const values: Record<Placeholder, string> = {
    "participant.name": participant.name,
    "participant.firstName": firstName(participant.name),
    "participant.email": participant.email,
    "ticket.number": String(ticket.number),
    "ticket.subject": ticket.subject,
    "agent.name": agentName,
    "agent.firstName": firstName(agentName),
    "program.name": program.name,
  };
  const replies = await listCannedReplies(db, staff, ticket.programId);
  return replies.map((reply) => ({ ...reply, rendered: fillPlaceholders(reply.body, values) }));
}
