import fastifyFormbody from "@fastify/formbody";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/record-audit.js";
import type { AppContext } from "../../platform/context.js";
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
import { resolveLocale } from "../../platform/i18n/locale.js";
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
import {
  confirmationFor,
  isConfirmedFromPage,
  maskEmail,
  newConfirmationNonce,
  SIGN_IN_CONFIRM_COOKIE,
} from "./sign-in-confirmation.js";
import {
  consumeSignInLink,
  findSignInLinkProgramSlug,
  findUsableSignInLink,
  requestSignInLink,
  SIGN_IN_LINK_MINUTES,
} from "./sign-in-links.js";
import { renderSignInPage } from "./sign-in-page.js";
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

  // The sign-in link's page and its form post: the form parser lives in this plugin only, so the JSON
  // API never accepts form bodies.
  app.register(async (forms) => {
    await forms.register(fastifyFormbody, { bodyLimit: 4096 });
    signInLinkRoutes(forms, ctx);
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

const ZLinkParams = z.object({ token: z.string().max(200) });
// Not trusted: an unsafe or malformed `next` just lands on the portal's home.
const ZLinkQuery = z.object({ next: z.string().max(1000).optional(), lang: z.string().max(20).optional() });

function signInLinkRoutes(app: FastifyInstance, ctx: AppContext) {
  const secure = ctx.config.appUrl.startsWith("https:");
  const r = withZod(app);
  const invalidLink = async (reply: FastifyReply, token: string) => {
    const slug = await findSignInLinkProgramSlug(ctx.db, token);
    const program = slug ? `program=${encodeURIComponent(slug)}&` : "";
    return reply.redirect(`/portal/login?${program}error=link_invalid`, 303);
  };
  const pageUrl = (token: string, next: string | undefined) =>
    `/portal/auth/${encodeURIComponent(token)}${next && isSafePortalPath(next) ? `?next=${encodeURIComponent(next)}` : ""}`;

  // GET /portal/auth/:token – a sign-in link's page: "Entrar como r…@e….com" and a button (spends nothing: mail scanners open links)
  r.get("/portal/auth/:token", {
    config: { access: access.public, rateLimit: { max: 30, timeWindow: "1 minute" } },
    schema: { hide: true, params: ZLinkParams, querystring: ZLinkQuery },
    handler: async (request, reply) => {
      const { token } = request.params;
      const link = await findUsableSignInLink(ctx.db, token);
      if (!link) return invalidLink(reply, token);
      const program = await getProgramByIdOrThrow(ctx.db, link.programId);
      const nonce = newConfirmationNonce();
      reply.setCookie(SIGN_IN_CONFIRM_COOKIE, nonce, {
        path: "/portal/auth",
        httpOnly: true,
        sameSite: "strict",
        secure,
        maxAge: SIGN_IN_LINK_MINUTES * 60,
      });
      const page = renderSignInPage(
        {
          maskedEmail: maskEmail(link.email),
          programName: program.name,
          action: pageUrl(token, request.query.next),
          confirmation: confirmationFor(ctx.secret, nonce, token),
        },
        resolveLocale(request.query.lang ?? link.locale),
      );
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .header("referrer-policy", "no-referrer")
        .send(page);
    },
  });

  // POST /portal/auth/:token – the page's button: spend the link, open a session and go to the portal
  r.post("/portal/auth/:token", {
    config: { access: access.public, rateLimit: { max: 30, timeWindow: "1 minute" } },
    schema: {
      hide: true,
      params: ZLinkParams,
      querystring: ZLinkQuery,
      body: z.object({ confirmation: z.string().max(200).optional() }).optional(),
    },
    handler: async (request, reply) => {
      const { token } = request.params;
      const fetchSite = request.headers["sec-fetch-site"];
      const isFromPage = isConfirmedFromPage(ctx.secret, token, {
        nonce: request.cookies[SIGN_IN_CONFIRM_COOKIE],
        confirmation: request.body?.confirmation,
        fetchSite: typeof fetchSite === "string" ? fetchSite : undefined,
      });
      // Not from our page (another site's form, or a page whose cookie is gone): show the page again.
      if (!isFromPage) return reply.redirect(pageUrl(token, request.query.next), 303);
      const info = clientInfo(request);
      const session = await inTransaction(ctx.db, async (tx) => {
        const link = await consumeSignInLink(tx, token);
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
      reply.clearCookie(SIGN_IN_CONFIRM_COOKIE, {
        path: "/portal/auth",
        httpOnly: true,
        sameSite: "strict",
        secure,
      });
      if (!session) return invalidLink(reply, token);
      setSessionCookie(reply, PORTAL_COOKIE, session.token, {
        maxAgeSeconds: PARTICIPANT_SESSION_DAYS * 86400,
        secure,
      });
      const next = request.query.next;
      return reply.redirect(next && isSafePortalPath(next) ? next : "/portal", 303);
    },
  });
}
