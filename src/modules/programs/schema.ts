import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { TLocalizedText } from "../../shared/localized-text.js";
import { type TContactReason, type TProgramRules, ZContactReason, ZProgramRules } from "./program-rules.js";

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export { type TContactReason, type TProgramRules, ZContactReason, ZProgramRules };

export const programs = pgTable(
  "programs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    timeZone: text("time_zone").notNull().default("America/Sao_Paulo"),
    defaultLocale: text("default_locale").notNull().default("pt-BR"),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    // Policy parameters (seed policy: 18+, no customer in the last 6 months).
    minimumAge: integer("minimum_age").notNull().default(18),
    exCustomerCooldownMonths: integer("ex_customer_cooldown_months").notNull().default(6),
    dailyReferralLimitPerReferrer: integer("daily_referral_limit_per_referrer").notNull().default(20),
    dailyReferralLimitPerIp: integer("daily_referral_limit_per_ip").notNull().default(60),
    contactConfirmationRequired: boolean("contact_confirmation_required").notNull().default(false),
    // Hours before an automatic decision (and the contact's notice) is e-mailed: the form and its
    // e-mails must not answer "is this company a customer?" within a second (registry oracle).
    automaticDecisionNoticeDelayHours: integer("automatic_decision_notice_delay_hours").notNull().default(24),
    contactReasons: jsonb("contact_reasons").$type<TContactReason[]>().notNull().default(sql`'[]'::jsonb`),
    termsVersion: text("terms_version").notNull(),
    rules: jsonb("rules").$type<TProgramRules>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Programs are reached by slug from public URLs (/p/:slug), so a slug is unique across organizations.
    uniqueIndex("programs_slug_unique").on(table.slug),
    index("programs_organization_idx").on(table.organizationId),
  ],
);

export const supportMaterials = pgTable(
  "support_materials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    // Support material (a text, file or link to use when referring) or a referral tip.
    kind: text("kind", { enum: ["material", "tip"] })
      .notNull()
      .default("material"),
    title: jsonb("title").$type<TLocalizedText>().notNull(),
    bodyMarkdown: jsonb("body_markdown").$type<TLocalizedText>().notNull(),
    linkUrl: text("link_url"),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("support_materials_program_idx").on(table.programId, table.position)],
);

export type Organization = typeof organizations.$inferSelect;
export type Program = typeof programs.$inferSelect;
export type SupportMaterial = typeof supportMaterials.$inferSelect;
