import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  inet,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  companySizes,
  contactDepartments,
  type ReferralStatus,
  referralStatuses,
} from "../../shared/referral-codes.js";
import { participants } from "../participants/schema.js";
import { organizations, programs } from "../programs/schema.js";
import { staffUsers } from "../staff/schema.js";

export { type ReferralStatus, referralStatuses };
export const referralStatusEnum = pgEnum("referral_status", referralStatuses);

export const contactDepartmentEnum = pgEnum("contact_department", contactDepartments);
export const companySizeEnum = pgEnum("company_size", companySizes);

export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    status: referralStatusEnum("status").notNull().default("in_progress"),
    // A disqualification or not-advanced reason code; null unless the status needs one.
    reason: text("reason"),
    // Bumped by every status change: concurrent moves on one referral cannot both win.
    version: integer("version").notNull().default(1),
    companyName: text("company_name").notNull(),
    companyNameNormalized: text("company_name_normalized").notNull(),
    companyCnpj: text("company_cnpj"),
    // The keys that make two referrals the same company (see company-match.ts).
    companyCnpjRoot: text("company_cnpj_root"),
    contactCorporateDomain: text("contact_corporate_domain"),
    contactName: text("contact_name").notNull(),
    contactRole: text("contact_role").notNull(),
    contactDepartment: contactDepartmentEnum("contact_department").notNull(),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone").notNull(),
    companySize: companySizeEnum("company_size").notNull(),
    supportAgents: integer("support_agents"),
    notes: text("notes"),
    referrerIsCustomer: boolean("referrer_is_customer").notNull(),
    // The referrer's name and phone as this submission gave them, for sales to see: an anonymous form
    // never changes the participant's profile (only the signed-in portal does). Null before they were kept.
    referrerName: text("referrer_name"),
    referrerPhone: text("referrer_phone"),
    // The sales person who owns the follow-up; null until someone takes it.
    assigneeId: uuid("assignee_id").references(() => staffUsers.id),
    // When another referral had the company first: the winner (policy: the earliest referral wins).
    duplicateOfId: uuid("duplicate_of_id"),
    checksCompletedAt: timestamp("checks_completed_at", { withTimezone: true }),
    // Set when the checks decide, to the program's delay from then; cleared when the notice is settled
    // (decision-notice.ts). Until then the portal shows the referral as before the decision, so it is no
    // faster a registry oracle than the e-mail; staff see the decision at once.
    decisionNoticeDueAt: timestamp("decision_notice_due_at", { withTimezone: true }),
    submittedIp: inet("submitted_ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("referrals_program_created_idx").on(table.programId, table.createdAt, table.id),
    index("referrals_participant_idx").on(table.participantId, table.createdAt),
    index("referrals_program_status_idx").on(table.programId, table.status),
    index("referrals_program_cnpj_root_idx").on(table.programId, table.companyCnpjRoot),
    index("referrals_program_domain_idx").on(table.programId, table.contactCorporateDomain),
    index("referrals_program_name_idx").on(table.programId, table.companyNameNormalized),
    index("referrals_submitted_ip_idx").on(table.submittedIp, table.createdAt),
    // The back office lists an organization's referrals sorted by one of these, keyset on (key, id).
    index("referrals_org_created_idx").on(table.organizationId, table.createdAt, table.id),
    index("referrals_org_updated_idx").on(table.organizationId, table.updatedAt, table.id),
    index("referrals_org_company_idx").on(table.organizationId, table.companyName, table.id),
    index("referrals_org_assignee_idx").on(table.organizationId, table.assigneeId),
  ],
);

/** Append-only history of status changes. */
export const referralEvents = pgTable(
  "referral_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id),
    programId: uuid("program_id").notNull(),
    fromStatus: referralStatusEnum("from_status"),
    toStatus: referralStatusEnum("to_status").notNull(),
    reason: text("reason"),
    note: text("note"),
    actorKind: text("actor_kind", { enum: ["system", "staff", "contact"] }).notNull(),
    actorId: uuid("actor_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("referral_events_referral_idx").on(table.referralId, table.id)],
);

/** What the automatic checks and fraud heuristics found, for sales to see. */
export const referralFindings = pgTable(
  "referral_findings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id),
    kind: text("kind").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("referral_findings_kind_unique").on(table.referralId, table.kind)],
);

/** The referred contact's answer to "did you know you were referred?" (LGPD), by e-mailed link. */
export const contactConfirmations = pgTable(
  "contact_confirmations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id),
    programId: uuid("program_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    decision: text("decision", { enum: ["pending", "confirmed", "objected"] })
      .notNull()
      .default("pending"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedIp: inet("decided_ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("contact_confirmations_token_unique").on(table.tokenHash),
    uniqueIndex("contact_confirmations_referral_unique").on(table.referralId),
  ],
);

/**
 * A closed deal (policy: "a venda é confirmada"). One per referral, whatever the number of CNPJs in the
 * deal; the unique referral id is what makes a second confirmation impossible.
 */
export const referralSales = pgTable(
  "referral_sales",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id),
    organizationId: uuid("organization_id").notNull(),
    programId: uuid("program_id").notNull(),
    cnpjs: text("cnpjs").array().notNull(),
    // An upgrade of an existing customer's plan earns nothing (policy).
    isUpgrade: boolean("is_upgrade").notNull(),
    closedOn: date("closed_on").notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("referral_sales_referral_unique").on(table.referralId)],
);

export type Referral = typeof referrals.$inferSelect;
export type ReferralSale = typeof referralSales.$inferSelect;

export const consentKinds = ["terms", "contact_aware", "no_purchased_data"] as const;

/**
 * What a referrer declared with a submission, and when (LGPD): the terms version, the moment, and where
 * from. Written with the referral by the intake batch.
 */
export const consentRecords = pgTable(
  "consent_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    // The referral the declaration was made with (the two declarations are per referral).
    referralId: uuid("referral_id"),
    kind: text("kind", { enum: consentKinds }).notNull(),
    termsVersion: text("terms_version").notNull(),
    ip: inet("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("consent_records_participant_idx").on(table.participantId, table.createdAt)],
);
