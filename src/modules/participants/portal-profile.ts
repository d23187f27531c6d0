// The referrer's profile in the portal: name, phone/WhatsApp, language and e-mail preferences; and
// leaving the program (history kept, e-mail stopped, sessions ended, open tickets closed).
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { ModuleHooks } from "../../platform/hooks.js";
import type { ParticipantPrincipal } from "../../platform/http/access.js";
import { Invalid } from "../../platform/http/errors.js";
import { locales } from "../../platform/i18n/locale.js";
import { normalizePhone } from "../../shared/phone.js";
import { getParticipantOrThrow } from "./participant-queries.js";
import { type Participant, participantSessions, participants, portalSignInLinks } from "./schema.js";
import "./hooks.js";

export const ZPortalProfile = z
  .object({
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable().describe("E.164 (+5511987654321)."),
    locale: z.enum(locales),
    wantsMonthlyDigest: z.boolean(),
    wantsStatusEmails: z.boolean(),
  })
  .meta({ id: "PortalProfile" });

export const ZProfileUpdate = z
  .object({
    name: z.string().trim().min(2, "Informe seu nome.").max(120),
    phone: z.string().trim().max(25).nullable(),
    locale: z.enum(locales),
    wantsMonthlyDigest: z.boolean(),
    wantsStatusEmails: z.boolean(),
  })
  .partial()
  .refine((update) => Object.keys(update).length > 0, { message: "Nothing to change." });

export function toPortalProfile(participant: Participant): z.infer<typeof ZPortalProfile> {
  return {
    name: participant.name,
    email: participant.email,
    phone: participant.phone,
    locale: participant.locale === "en" ? "en" : "pt-BR",
    wantsMonthlyDigest: participant.wantsMonthlyDigest,
    wantsStatusEmails: participant.wantsStatusEmails,
  };
}

export async function updatePortalProfile(
  db: Db,
  principal: ParticipantPrincipal,
  update: z.infer<typeof ZProfileUpdate>,
) {
  let phone: string | null | undefined = update.phone;
  if (update.phone) {
    phone = normalizePhone(update.phone);
    if (!phone) throw new Invalid({ phone: ["Telefone inválido: use DDD e número, como (11) 98765-4321."] });
  } else if (update.phone === "") {
    phone = null;
  }
  await getParticipantOrThrow(db, principal, principal.participantId);
  const [participant] = await db
    .update(participants)
    .set({ ...update, ...(phone !== undefined ? { phone } : {}), updatedAt: new Date() })
    .where(eq(participants.id, principal.participantId))
    .returning();
  return toPortalProfile(participant!);
}

/** The referrer leaves: sessions end, mail stops; other modules react to `participant.left` (hooks.ts). */
export async function leaveProgram(
  deps: { db: Db; hooks: ModuleHooks },
  principal: ParticipantPrincipal,
  client: { ip?: string; userAgent?: string },
) {
  await inTransaction(deps.db, async (tx) => {
    await tx
      .update(participants)
      .set({ status: "left", leftAt: new Date(), updatedAt: new Date() })
      .where(eq(participants.id, principal.participantId));
    await tx
      .update(participantSessions)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(participantSessions.participantId, principal.participantId),
          isNull(participantSessions.revokedAt),
        ),
      );
    // Links e-mailed before leaving are spent: only a link sent after it brings the referrer back.
    await tx
      .update(portalSignInLinks)
      .set({ usedAt: new Date() })
      .where(
        and(eq(portalSignInLinks.participantId, principal.participantId), isNull(portalSignInLinks.usedAt)),
      );
    await deps.hooks.announce(tx, "participant.left", {
      organizationId: principal.organizationId,
      programId: principal.programId,
      participantId: principal.participantId,
    });
    await recordAudit(tx, {
      organizationId: principal.organizationId,
      programId: principal.programId,
      actorKind: "participant",
      actorId: principal.participantId,
      action: "participant.left",
      subjectType: "participant",
      subjectId: principal.participantId,
      ...client,
    });
  });
}
