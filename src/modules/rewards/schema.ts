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
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { z } from "zod";
import { type TLocalizedText, ZLocalizedText } from "../../shared/localized-text.js";
import { type RewardOfferStatus, rewardKinds, rewardOfferStatuses } from "../../shared/reward-codes.js";
import { participants } from "../participants/schema.js";
import { programs } from "../programs/schema.js";

export { type RewardOfferStatus, rewardKinds, rewardOfferStatuses };
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
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("reward_items_program_idx").on(table.programId, table.isActive),
    check("reward_items_stock_not_negative", sql`${table.stock} is null or ${table.stock} >= 0`),
  ],
);

export const rewardOfferStatusEnum = pgEnum("reward_offer_status", rewardOfferStatuses);

/** What the referrer chose, frozen at choice time: retiring or editing the item never alters it. */
export const ZOfferedItem = z
  .object({
    id: z.string(),
    name: ZLocalizedText,
    description: ZLocalizedText,
    kind: z.enum(rewardKinds),
    imageUrl: z.string().nullable(),
  })
  .meta({ id: "OfferedItem" });
export type TOfferedItem = z.infer<typeof ZOfferedItem>;

/**
 * The reward a confirmed sale earns the referrer (policy: one per sale, however many CNPJs). The
 * unique sale id is the database's guarantee against a second offer for one sale.
 */
export const rewardOffers = pgTable(
  "reward_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    saleId: uuid("sale_id").notNull(),
    referralId: uuid("referral_id").notNull(),
    // The company of the sale, as the referrer knows it: the offer reads on its own in the portal.
    companyName: text("company_name").notNull(),
    status: rewardOfferStatusEnum("status").notNull().default("awaiting_choice"),
    // Delivery is due in the month after the sale's month (policy), as YYYY-MM.
    dueMonth: text("due_month").notNull(),
    itemId: uuid("item_id").references(() => rewardItems.id),
    item: jsonb("item").$type<TOfferedItem>(),
    chosenAt: timestamp("chosen_at", { withTimezone: true }),
    deliveryReference: text("delivery_reference"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    delayNote: text("delay_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("reward_offers_sale_unique").on(table.saleId),
    index("reward_offers_program_status_idx").on(table.programId, table.status, table.dueMonth, table.id),
    index("reward_offers_participant_idx").on(table.participantId, table.createdAt),
    check("reward_offers_due_month_format", sql`${table.dueMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

export type RewardItem = typeof rewardItems.$inferSelect;
export type RewardOffer = typeof rewardOffers.$inferSelect;
