// Who may call a route, declared beside its handler as `config: { access }`. One form, so a test can
// enumerate every route and its policy from the server's own route table.
export const staffRoles = ["owner", "admin", "sales", "support"] as const;
export type StaffRole = (typeof staffRoles)[number];

export type Access =
  | { kind: "public" }
  | { kind: "participant" }
  | { kind: "staff"; roles: readonly StaffRole[] }
  /** Only in development (the embedded mailbox); the route answers 404 in production. */
  | { kind: "development" }
  /** Machine callers holding a shared secret in a header (e.g. the inbound mail provider). */
  | { kind: "secret"; header: string };

export const access = {
  public: { kind: "public" } as Access,
  participant: { kind: "participant" } as Access,
  development: { kind: "development" } as Access,
  anyStaff: { kind: "staff", roles: staffRoles } as Access,
  admins: { kind: "staff", roles: ["owner", "admin"] } as Access,
  salesOrAbove: { kind: "staff", roles: ["owner", "admin", "sales"] } as Access,
  supportOrAbove: { kind: "staff", roles: ["owner", "admin", "support"] } as Access,
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
