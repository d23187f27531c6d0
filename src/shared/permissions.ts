// What each staff role may do, said once. The server's route table declares the permission a route
// needs (platform/http/access.ts); the session answers carry the caller's permissions, and the web app
// shows or hides by permission, never by role name.

export const staffRoles = ["owner", "admin", "sales", "support"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const permissions = [
  /** Every signed-in staff member: their session, the team list, finding a referrer. */
  "staff.basics",
  /** The sales back office: referrals, moves, sales, assignment, export. */
  "referrals.work",
  /** The helpdesk: tickets, replies, notes, received mail. */
  "helpdesk.work",
  /** The helpdesk's settings: the SLA targets of each program. */
  "helpdesk.configure",
  /** The reward catalog and the fulfilment queue. */
  "rewards.manage",
  /** The customer, pipeline and partner registries. */
  "registries.manage",
  /** The support materials shown to referrers. */
  "materials.manage",
  /** The addresses programs no longer write to (bounces, objections): list them and lift them. */
  "suppressions.manage",
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<StaffRole, readonly Permission[]> = {
  owner: permissions,
  admin: permissions,
  sales: ["staff.basics", "referrals.work"],
  support: ["staff.basics", "helpdesk.work"],
};

export function permissionsOf(role: StaffRole): readonly Permission[] {
  return grants[role];
}

export function roleCan(role: StaffRole, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/** The roles that hold a permission, in the order of `staffRoles`. */
export function rolesWith(permission: Permission): StaffRole[] {
  return staffRoles.filter((role) => roleCan(role, permission));
}

/** What a signed-in referrer may do in the portal; the portal shows its areas by these. */
export const participantPermissions = [
  "portal.referrals",
  "portal.rewards",
  "portal.helpdesk",
  "portal.materials",
  "portal.profile",
] as const;
export type ParticipantPermission = (typeof participantPermissions)[number];

/** A helpdesk contact (someone who wrote in without being a referrer) sees only the helpdesk. */
export function participantPermissionsOf(kind: "referrer" | "contact"): readonly ParticipantPermission[] {
  return kind === "contact" ? ["portal.helpdesk"] : participantPermissions;
}
