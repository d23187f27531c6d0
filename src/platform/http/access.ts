// Who may call a route, declared beside its handler as `config: { access }`. One form, so a test can
// enumerate every route and its policy from the server's own route table. Staff routes name the
// permission they need (src/shared/permissions.ts); the roles that hold it follow from there.
import { type Permission, rolesWith, type StaffRole } from "../../shared/permissions.js";

export { type StaffRole, staffRoles } from "../../shared/permissions.js";

export type Access =
  | { kind: "public" }
  | { kind: "participant" }
  | { kind: "staff"; permission: Permission; roles: readonly StaffRole[] }
  /** Only in development (the embedded mailbox); the route answers 404 in production. */
  | { kind: "development" }
  /** Machine callers holding a shared secret in a header (e.g. the inbound mail provider). */
  | { kind: "secret"; header: string };

export const access = {
  public: { kind: "public" } as Access,
  participant: { kind: "participant" } as Access,
  development: { kind: "development" } as Access,
  /** Staff holding `permission`: the roles are derived from the one table of grants. */
  staff: (permission: Permission): Access => ({ kind: "staff", permission, roles: rolesWith(permission) }),
  secret: (header: string): Access => ({ kind: "secret", header }),
};

export type StaffPrincipal = {
  sessionId: string;
  staffUserId: string;
  organizationId: string;
  role: StaffRole;
};

export type ParticipantPrincipal = {
  sessionId: string;
  participantId: string;
  programId: string;
  organizationId: string;
};

/** How the guard turns a session cookie into a principal; the staff and participants modules provide them. */
export type SessionResolvers = {
  staff(token: string): Promise<StaffPrincipal | null>;
  participant(token: string): Promise<ParticipantPrincipal | null>;
};

export const STAFF_COOKIE = "corrente_staff";
export const PORTAL_COOKIE = "corrente_portal";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    staff?: StaffPrincipal;
    participant?: ParticipantPrincipal;
  }
}
