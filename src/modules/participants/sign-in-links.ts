import { and, count, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { AppContext } from "../../platform/context.js";
import { hashToken, newSecretToken } from "../../platform/crypto/tokens.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { NotFound } from "../../platform/http/errors.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { defineJob, type JobOutcome } from "../../platform/jobs/job.js";
import { enqueueEmail } from "../../platform/mail/outbox.js";
import { liftBounceSuppression } from "../../platform/mail/suppressions.js";
import { getProgramByIdOrThrow, getProgramBySlugOrThrow } from "../programs/index.js";
import { recordAddressProven } from "./address-confirmation.js";
import { findParticipantByEmail } from "./participant-queries.js";
import { isSafePortalPath } from "./portal-return-path.js";
import { participants, portalSignInLinks } from "./schema.js";
import { signInLinkEmail } from "./sign-in-email.js";

export const SIGN_IN_LINK_MINUTES = 30;
/** At most this many links per address and hour: the form cannot be used to flood someone's inbox. */
export const SIGN_IN_LINKS_PER_HOUR = 5;

export const portalSignInLinkJob = defineJob(
  "portal.send-sign-in-link",
  z.object({ programId: z.uuid(), email: z.string(), locale: z.string(), next: z.string().optional() }),
);

/**
 * POST /api/portal/login's work. The route only enqueues this job and answers 202, so a known and an
 * unknown address take the same path and the same time: the answer reveals nothing. A slug that names
 * no program gets the same 202 and nothing is sent (the contract: 202 for any request).
 */
export async function requestSignInLink(
  ctx: AppContext,
  input: { programSlug: string; email: string; locale?: string; next?: string },
) {
  const program = await getProgramBySlugOrThrow(ctx.db, input.programSlug).catch((error: unknown) => {
    if (error instanceof NotFound) return null;
    throw error;
  });
  if (!program) return;
  await inTransaction(ctx.db, (tx) =>
    ctx.jobs.enqueue(tx, portalSignInLinkJob, {
      programId: program.id,
      email: input.email,
      locale: resolveLocale(input.locale),
      ...(input.next ? { next: input.next } : {}),
    }),
  );
}

/** The link's address; `next` (checked when requested, checked again when spent) rides along. */
function signInUrl(appUrl: string, token: string, next: string | undefined): string {
  const url = `${appUrl}/portal/auth/${token}`;
  return next && isSafePortalPath(next) ? `${url}?next=${encodeURIComponent(next)}` : url;
}

export function createSignInLinkHandler(ctx: AppContext) {
  return async (payload: z.infer<typeof portalSignInLinkJob.payload>): Promise<JobOutcome> => {
    const program = await getProgramByIdOrThrow(ctx.db, payload.programId).catch(() => null);
    if (!program) return { status: "skipped", detail: "program gone" };
    const scope = { organizationId: program.organizationId, programId: program.id };
    const participant = await findParticipantByEmail(ctx.db, scope, payload.email);
    if (participant?.status !== "active") return { status: "skipped", detail: "no active participant" };
    return inTransaction(ctx.db, async (tx) => {
      if ((await recentLinkCount(tx, participant.id)) >= SIGN_IN_LINKS_PER_HOUR) {
        return { status: "skipped", detail: "hourly link limit reached" };
      }
      const token = newSecretToken();
      await tx.insert(portalSignInLinks).values({
        tokenHash: hashToken(token),
        participantId: participant.id,
        programId: program.id,
        expiresAt: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
      });
      const locale = resolveLocale(payload.locale ?? participant.locale);
      await enqueueEmail(tx, ctx, {
        template: signInLinkEmail,
        data: {
          name: participant.name,
          programName: program.name,
          url: signInUrl(ctx.config.appUrl, token, payload.next),
          validMinutes: SIGN_IN_LINK_MINUTES,
        },
        to: participant.email,
        locale,
        brand: program.name,
        organizationId: program.organizationId,
        programId: program.id,
        participantId: participant.id,
      });
      await recordAudit(tx, {
        ...scope,
        actorKind: "participant",
        actorId: participant.id,
        action: "portal.sign_in_link_sent",
      });
      return { status: "done" };
    });
  };
}

async function recentLinkCount(db: Db, participantId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(portalSignInLinks)
    .where(
      and(
        eq(portalSignInLinks.participantId, participantId),
        gt(portalSignInLinks.createdAt, new Date(Date.now() - 3_600_000)),
      ),
    );
  return row?.value ?? 0;
}

/**
 * Spends a sign-in link: the UPDATE that marks it used is the check, so two clicks racing cannot both
 * succeed, and an expired or used link does nothing. Returns whom it signs in, or null. Following it
 * proves the address (address-confirmation.ts), in the caller's transaction.
 */
export async function consumeSignInLink(db: Db, token: string) {
  const [link] = await db
    .update(portalSignInLinks)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(portalSignInLinks.tokenHash, hashToken(token)),
        isNull(portalSignInLinks.usedAt),
        gt(portalSignInLinks.expiresAt, new Date()),
      ),
    )
    .returning({
      participantId: portalSignInLinks.participantId,
      programId: portalSignInLinks.programId,
      purpose: portalSignInLinks.purpose,
    });
  if (!link) return null;
  // Following the link proves the address: it is verified, and a bounce suppression of it is lifted.
  await recordAddressProven(db, link);
  await liftBounceOfLinkAddress(db, link);
  return { participantId: link.participantId, programId: link.programId };
}

/** A link sent to the address was used: it receives mail, so a bounce suppression of it no longer holds. */
async function liftBounceOfLinkAddress(db: Db, link: { participantId: string; programId: string }) {
  const [participant] = await db
    .select({ email: participants.email })
    .from(participants)
    .where(eq(participants.id, link.participantId));
  if (participant) await liftBounceSuppression(db, link.programId, participant.email);
}

/**
 * Whom an unused, unexpired link would sign in, without spending it: the confirmation page (GET
 * /portal/auth/:token) names the account, and mail scanners that open links change nothing.
 */
export async function findUsableSignInLink(db: Db, token: string) {
  const [row] = await db
    .select({
      participantId: portalSignInLinks.participantId,
      programId: portalSignInLinks.programId,
      email: participants.email,
      locale: participants.locale,
    })
    .from(portalSignInLinks)
    .innerJoin(participants, eq(participants.id, portalSignInLinks.participantId))
    .where(
      and(
        eq(portalSignInLinks.tokenHash, hashToken(token)),
        isNull(portalSignInLinks.usedAt),
        gt(portalSignInLinks.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/** The program a link belongs to, used or not: a spent link's page can still offer that program's form. */
export async function findSignInLinkProgramSlug(db: Db, token: string): Promise<string | null> {
  const [row] = await db
    .select({ programId: portalSignInLinks.programId })
    .from(portalSignInLinks)
    .where(eq(portalSignInLinks.tokenHash, hashToken(token)));
  return row ? (await getProgramByIdOrThrow(db, row.programId)).slug : null;
}
