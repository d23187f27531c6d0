// What GET /api/portal/session answers: the signed-in referrer and their program, or
// `{"participant": null}` to a visitor with no session (a signed-out visit is no error: the portal
// checks it on every load, and a 401 there would be logged in every browser's console).
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import { type ParticipantPrincipal, PORTAL_COOKIE } from "../../platform/http/access.js";
import { csrfTokenFor } from "../../platform/http/auth-guard.js";
import { participantPermissions, participantPermissionsOf } from "../../shared/permissions.js";
import { getProgramByIdOrThrow } from "../programs/index.js";
import { getParticipantOrThrow } from "./participant-queries.js";
import { resolveParticipantSession } from "./participant-sessions.js";

export const ZPortalSession = z
  .object({
    participant: z.object({ id: z.string(), name: z.string(), email: z.string(), locale: z.string() }),
    program: z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      timeZone: z.string().describe("IANA time zone the program's dates are shown in."),
    }),
    // src/shared/permissions.ts
    permissions: z.array(z.enum(participantPermissions)).describe("What the referrer may do in the portal."),
    csrfToken: z.string(),
  })
  .meta({ id: "PortalSession" });

export const ZNoPortalSession = z
  .object({ participant: z.null().describe("Nobody is signed in (no session cookie, or one that ended).") })
  .meta({ id: "NoPortalSession" });

/** The session the portal cookie names, or null when there is none or it ended. */
export async function participantFromCookie(
  ctx: AppContext,
  cookies: Record<string, string | undefined>,
): Promise<ParticipantPrincipal | null> {
  const token = cookies[PORTAL_COOKIE];
  return token ? resolveParticipantSession(ctx.db, token) : null;
}

export async function portalSessionOf(
  ctx: AppContext,
  principal: ParticipantPrincipal,
): Promise<z.infer<typeof ZPortalSession>> {
  const participant = await getParticipantOrThrow(ctx.db, principal, principal.participantId);
  const { id, slug, name, timeZone } = await getProgramByIdOrThrow(ctx.db, principal.programId);
  return {
    participant: {
      id: participant.id,
      name: participant.name,
      email: participant.email,
      locale: participant.locale,
    },
    program: { id, slug, name, timeZone },
    // A helpdesk contact (not a referrer) has only the helpdesk.
    permissions: [...participantPermissionsOf(participant.kind)],
    csrfToken: csrfTokenFor(ctx.secret, principal.sessionId),
  };
}
