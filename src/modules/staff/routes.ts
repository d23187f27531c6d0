import { z } from "zod";
import { prepareDummyHash } from "../../platform/crypto/passwords.js";
import { access, STAFF_COOKIE } from "../../platform/http/access.js";
import { csrfTokenFor } from "../../platform/http/auth-guard.js";
import { staffRoute } from "../../platform/http/principal-handlers.js";
import {
  clientInfo,
  type RouteModule,
  withZod,
  ZErrorResponse,
  ZNoContent,
} from "../../platform/http/route-module.js";
import { clearSessionCookie, setSessionCookie } from "../../platform/http/session-cookie.js";
import { permissions, staffRoles } from "../../shared/permissions.js";
import { SignInLocked } from "./sign-in-throttle.js";
import { listActiveStaff } from "./staff-directory.js";
import {
  adminSessionOf,
  staffFromCookie,
  ZAdminSession,
  ZNoAdminSession,
  ZStaffUser,
} from "./staff-session-answer.js";
import { revokeStaffSession, STAFF_SESSION_HOURS, signInStaff } from "./staff-sessions.js";
import { publicStaffUser } from "./staff-users.js";

export const ZStaffSignIn = z.object({
  email: z.string().trim().min(1, "Informe o e-mail.").max(320).pipe(z.email("E-mail inválido.")),
  password: z.string().min(1, "Informe a senha.").max(1024),
});

export const staffRoutes: RouteModule = (app, ctx) => {
  void prepareDummyHash();
  const secure = ctx.config.appUrl.startsWith("https:");
  const r = withZod(app);

  // POST /api/admin/login – staff sign in with e-mail and password
  r.post("/api/admin/login", {
    // Per client address here; per account (whatever the address) in signInStaff.
    config: { access: access.public, rateLimit: { max: 10, timeWindow: "1 minute" } },
    schema: {
      tags: ["staff"],
      body: ZStaffSignIn,
      response: { 200: z.object({ user: ZStaffUser, csrfToken: z.string() }), 429: ZErrorResponse },
    },
    handler: async (request, reply) => {
      const { token, sessionId, user } = await signInStaff(ctx, {
        ...request.body,
        ...clientInfo(request),
      }).catch((error: unknown) => {
        if (error instanceof SignInLocked) reply.header("retry-after", String(error.retryAfterSeconds));
        throw error;
      });
      setSessionCookie(reply, STAFF_COOKIE, token, { maxAgeSeconds: STAFF_SESSION_HOURS * 3600, secure });
      return { user: publicStaffUser(user), csrfToken: csrfTokenFor(ctx.secret, sessionId) };
    },
  });

  // POST /api/admin/logout – revoke the current staff session
  r.post(
    "/api/admin/logout",
    staffRoute("staff.basics", {
      schema: { tags: ["staff"], response: { 204: ZNoContent } },
      handler: async (_request, staff, reply) => {
        await revokeStaffSession(ctx.db, staff);
        clearSessionCookie(reply, STAFF_COOKIE, secure);
        return reply.status(204).send();
      },
    }),
  );

  // GET /api/admin/session – who is signed in, their organization and its programs; `{"user":null}` to nobody
  r.get("/api/admin/session", {
    config: { access: access.public },
    schema: { tags: ["staff"], response: { 200: z.union([ZAdminSession, ZNoAdminSession]) } },
    handler: async (request) => {
      const staff = await staffFromCookie(ctx, request.cookies);
      return staff ? adminSessionOf(ctx, staff) : { user: null };
    },
  });
  // GET /api/admin/staff – any staff member lists the organization's active staff (e.g. to assign work)
  r.get(
    "/api/admin/staff",
    staffRoute("staff.basics", {
      schema: {
        tags: ["staff"],
        summary: "The organization's active staff",
        description:
          "`permission` keeps those who hold it (e.g. `referrals.work`: who can be assigned a referral); `role` keeps one role.",
        querystring: z.object({
          role: z.enum(staffRoles).optional(),
          permission: z.enum(permissions).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(staffRoles) }),
            ),
          }),
        },
      },
      handler: async (request, staff) => {
        const { role, permission } = request.query;
        const members = await listActiveStaff(ctx.db, staff, permission);
        return {
          items: members
            .filter((member) => !role || member.role === role)
            .map(({ id, name, email, role }) => ({ id, name, email, role })),
        };
      },
    }),
  );
};
