import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Instance-wide values generated once (e.g. the signing secret when APP_SECRET is not set). */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
