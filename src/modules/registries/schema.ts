import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "../programs/schema.js";

// The organization's own records that intake checks referrals against. Each row has a natural key
// (`entry_key`: the CNPJ when known, else the domain, else the normalized name) so re-importing a file
// updates rows instead of duplicating them.

export const customerStatusEnum = pgEnum("customer_status", ["active", "churned"]);

export const registryCustomers = pgTable(
  "registry_customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    entryKey: text("entry_key").notNull(),
    cnpj: text("cnpj"),
    cnpjRoot: text("cnpj_root"),
    domain: text("domain"),
    name: text("name"),
    nameNormalized: text("name_normalized"),
    status: customerStatusEnum("status").notNull(),
    churnedOn: date("churned_on"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("registry_customers_key_unique").on(table.organizationId, table.entryKey),
    index("registry_customers_root_idx").on(table.organizationId, table.cnpjRoot),
    index("registry_customers_domain_idx").on(table.organizationId, table.domain),
    index("registry_customers_name_idx").on(table.organizationId, table.nameNormalized),
  ],
);

export const registryPipeline = pgTable(
  "registry_pipeline",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    entryKey: text("entry_key").notNull(),
    cnpj: text("cnpj"),
    cnpjRoot: text("cnpj_root"),
    domain: text("domain"),
    email: text("email"),
    enteredOn: date("entered_on").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("registry_pipeline_key_unique").on(table.organizationId, table.entryKey),
    index("registry_pipeline_root_idx").on(table.organizationId, table.cnpjRoot),
    index("registry_pipeline_domain_idx").on(table.organizationId, table.domain),
    index("registry_pipeline_email_idx").on(table.organizationId, table.email),
  ],
);

export const registryPartnerCustomers = pgTable(
  "registry_partner_customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    entryKey: text("entry_key").notNull(),
    cnpj: text("cnpj"),
    cnpjRoot: text("cnpj_root"),
    domain: text("domain"),
    name: text("name"),
    nameNormalized: text("name_normalized"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("registry_partner_customers_key_unique").on(table.organizationId, table.entryKey),
    index("registry_partner_customers_root_idx").on(table.organizationId, table.cnpjRoot),
    index("registry_partner_customers_domain_idx").on(table.organizationId, table.domain),
    index("registry_partner_customers_name_idx").on(table.organizationId, table.nameNormalized),
  ],
);
