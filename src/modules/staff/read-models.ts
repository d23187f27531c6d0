// The staff module's read model (ARCHITECTURE.md "One owner per table"): a read-only view of the team for
// other modules' lists that show who a row is assigned to, in the same query.
import { pgView, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffRoles } from "../../shared/permissions.js";

/** Migration 0009: `select … from staff_users` without credentials. */
export const staffDirectory = pgView("staff_directory", {
  id: uuid("id").notNull(),
  organizationId: uuid("organization_id").notNull(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  role: text("role", { enum: staffRoles }).notNull(),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
}).existing();
