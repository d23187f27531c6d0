import { index, inet, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { type StaffRole, staffRoles } from "../../shared/permissions.js";
import { organizations } from "../programs/schema.js";

export { type StaffRole, staffRoles };
export const staffRoleEnum = pgEnum("staff_role", staffRoles);

export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    // Stored lower-case: staff sign in with e-mail alone, so an address names one account everywhere.
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: staffRoleEnum("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull().default("pt-BR"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("staff_users_email_unique").on(table.email),
    index("staff_users_organization_idx").on(table.organizationId),
  ],
);

export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Only a SHA-256 of the cookie value is stored: a database leak does not leak live sessions.
    tokenHash: text("token_hash").notNull(),
    staffUserId: uuid("staff_user_id")
      .notNull()
      .references(() => staffUsers.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    ip: inet("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("staff_sessions_token_hash_unique").on(table.tokenHash),
    index("staff_sessions_user_idx").on(table.staffUserId),
  ],
);

export type StaffUser = typeof staffUsers.$inferSelect;
