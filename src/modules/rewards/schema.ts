import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { programs, type TLocalizedText } from "../programs/schema.js";

export const rewardKinds = ["voucher", "physical", "experience"] as const;
export const rewardKindEnum = pgEnum("reward_kind", rewardKinds);

/** The program's reward catalog. Items change over time; offers keep what was chosen. */
export const rewardItems = pgTable(
  "reward_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    name: jsonb("name").$type<TLocalizedText>().notNull(),
    description: jsonb("description").$type<TLocalizedText>().notNull(),
    imageUrl: text("image_url"),
    kind: rewardKindEnum("kind").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    // Null: unlimited. Never negative, enforced by the database so concurrent choices cannot oversell.
    stock: integer("stock"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("reward_items_program_idx").on(table.programId, table.isActive),
    check("reward_items_stock_not_negative", sql`${table.stock} is null or ${table.stock} >= 0`),
  ],
);

export type RewardItem = typeof rewardItems.$inferSelect;
