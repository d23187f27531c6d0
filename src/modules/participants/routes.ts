import { z } from "zod";
import { recordAudit } from "../../platform/audit/record-audit.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { access, PORTAL_COOKIE } from "../../platform/http/access.js";
import { participantRoute, staffRoute } from "../../platform/http/principal-handlers.js";
import {
  clientInfo,
  type RouteModule,
  withZod,
  ZErrorResponse,
  ZNoContent,
} from "../../platform/http/route-module.js";
import { clearSessionCookie, setSessionCookie } from "../../platform/http/session-cookie.js";
import { getProgramByIdOrThrow } from "../programs/index.js";
import { getParticipantOrThrow } from "./participant-queries.js";
import {
  openParticipantSession,
  PARTICIPANT_SESSION_DAYS,
  revokeParticipantSession,
} from "./participant-sessions.js";
import {
  leaveProgram,
  toPortalProfile,
  updatePortalProfile,
  ZPortalProfile,
  ZProfileUpdate,
} from "./portal-profile.js";
import { isSafePortalPath } from "./portal-return-path.js";
import {
  participantFromCookie,
  portalSessionOf,
  ZNoPortalSession,
  ZPortalSession,
} from "./portal-session.js";
import { consumeSignInLink, findSignInLinkProgramSlug, requestSignInLink } from "./sign-in-links.js";
import { searchParticipants, ZParticipantMatch, ZParticipantSearch } from "./staff-participant-search.js";

export const ZPortalSignIn = z.object({
  programSlug: z.string().trim().min(1).max(100),
  email: z.string().trim().min(1, "Informe o e-mail.").max(320).pipe(z.email("E-mail inválido.")),
  locale: z.string().max(20).optional(),
  /** The portal page to open once signed in (e.g. `/portal/referrals/…`). */
  next: z
    .string()
    .max(300)
    .refine(isSafePortalPath, "Use a path inside the portal, such as /portal/referrals.")
    .optional(),
});

export const participantRoutes: RouteModule = (app, ctx) => {
  const secure = ctx.config.appUrl.startsWith("https:");
  const r = withZod(app);

  // GET /api/admin/participants – staff find a referrer of their organization by name or e-mail
  r.get(
    "/api/admin/participants",
    staffRoute("staff.basics", {
      schema: {
        tags: ["participants"],
        querystring: ZParticipantSearch,
        response: { 200: z.object({ items: z.array(ZParticipantMatch) }), 422: ZErrorResponse },
      },
      handler: async (request, staff) => searchParticipants(ctx.db, staff, request.query),
    }),
  );

  // POST /api/portal/login – e-mail a single-use sign-in link; always 202, whether the address is known or not
  r.post("/api/portal/login", {
    config: { access: access.public, rateLimit: { max: 10, timeWindow: "1 minute" } },
    schema: {
      tags: ["portal"],
      body: ZPortalSignIn,
      response: { 202: z.object({ status: z.literal("sent") }) },
    },
    handler: async (request, reply) => {
      await requestSignInLink(ctx, request.body);
      return reply.status(202).send({ status: "sent" });
    },
  });

  // GET /portal/auth/:token – spend a sign-in link, open a session and go to the portal
  r.get("/portal/auth/:token", {
    config: { access: access.public, rateLimit: { max: 30, timeWindow: "1 minute" } },
    schema: {
      hide: true,
      params: z.object({ token: z.string().max(200) }),
      // Not trusted: an unsafe or malformed `next` just lands on the portal's home.
      querystring: z.object({ next: z.string().max(1000).optional() }),
    },
    handler: async (request, reply) => {
      const info = clientInfo(request);
      const session = await inTransaction(ctx.db, async (tx) => {
        const link = await consumeSignInLink(tx, request.params.token);
        if (!link) return null;
        const opened = await openParticipantSession(tx, { ...link, ...info });
        const program = await getProgramByIdOrThrow(tx, link.programId);
        await recordAudit(tx, {
          organizationId: program.organizationId,
          programId: link.programId,
          actorKind: "participant",
          actorId: link.participantId,
          action: "portal.signed_in",
          ...info,
        });
        return opened;
      });
      if (!session) {
        const slug = await findSignInLinkProgramSlug(ctx.db, request.params.token);
        const program = slug ? `program=${encodeURIComponent(slug)}&` : "";
        return reply.redirect(`/portal/login?${program}error=link_invalid`, 303);
      }
      setSessionCookie(reply, PORTAL_COOKIE, session.token, {
        maxAgeSeconds: PARTICIPANT_SESSION_DAYS * 86400,
        secure,
      });
      const next = request.query.next;
      return reply.redirect(next && isSafePortalPath(next) ? next : "/portal", 303);
    },
  });

  // GET /api/portal/session – the signed-in referrer and their program; `{"participant":null}` to nobody
  r.get("/api/portal/session", {
    config: { access: access.public },
    schema: { tags: ["portal"], response: { 200: z.union([ZPortalSession, ZNoPortalSession]) } },
    handler: async (request) => {
      const principal = await participantFromCookie(ctx, request.cookies);
      return principal ? portalSessionOf(ctx, principal) : { participant: null };
    },
  });

  // POST /api/portal/logout – revoke the current referrer session
  r.post(
    "/api/portal/logout",
    participantRoute({
      schema: { tags: ["portal"], response: { 204: ZNoContent } },
      handler: async (_request, principal, reply) => {
        await revokeParticipantSession(ctx.db, principal);
        clearSessionCookie(reply, PORTAL_COOKIE, secure);
        return reply.status(204).send();
      },
    }),
  );
  // GET /api/portal/profile – the referrer's profile and e-mail preferences
  r.get(
    "/api/portal/profile",
    participantRoute({
      schema: { tags: ["portal"], response: { 200: ZPortalProfile } },
      handler: async (_request, principal) => {
        return toPortalProfile(await getParticipantOrThrow(ctx.db, principal, principal.participantId));
      },
    }),
  );

  // PATCH /api/portal/profile – the referrer changes name, phone, language or e-mail preferences
  r.patch(
    "/api/portal/profile",
    participantRoute({
      schema: {
        tags: ["portal"],
        body: ZProfileUpdate,
        response: { 200: ZPortalProfile, 422: ZErrorResponse },
      },
      handler: async (request, principal) => updatePortalProfile(ctx.db, principal, request.body),
    }),
  );

  // POST /api/portal/leave – the referrer leaves the program: history kept, e-mail stopped, signed out
  r.post(
    "/api/portal/leave",
    participantRoute({
      schema: {
        tags: ["portal"],
        body: z.object({ confirm: z.literal(true) }),
        response: { 204: ZNoContent },
      },
      handler: async (request, principal, reply) => {
        await leaveProgram(ctx, principal, clientInfo(request));
        clearSessionCookie(reply, PORTAL_COOKIE, secure);
        return reply.status(204).send();
      },
    }),
  );
};
