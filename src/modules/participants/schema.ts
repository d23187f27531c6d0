import {
  boolean,
  date,
  index,
  inet,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, programs } from "../programs/schema.js";

export const participantStatusEnum = pgEnum("participant_status", ["active", "left"]);

/**
 * - `referrer`: refers companies, earns rewards, gets the monthly digest (basis: the program's terms);
 * - `contact`: someone who wrote to the helpdesk without being a referrer (a prospect): no referrals,
 *   no rewards, no digest; the portal shows them only the helpdesk (contacts.ts).
 */
export const participantKinds = ["referrer", "contact"] as const;
export type ParticipantKind = (typeof participantKinds)[number];
export const participantKindEnum = pgEnum("participant_kind", participantKinds);

/** LGPD art. 7 IX: a contact's data is held on legitimate interest, to answer what they asked. */
export const contactLegalBases = ["legitimate_interest:answer_request"] as const;

/** A participant, identified within a program by e-mail: a referrer ("indicador") or a helpdesk contact. */
export const participants = pgTable(
  "participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    kind: participantKindEnum("kind").notNull().default("referrer"),
    // Why we hold a contact's data (a referrer's basis is their consent records): see contactLegalBases.
    legalBasis: text("legal_basis", { enum: contactLegalBases }),
    phone: text("phone"),
    birthDate: date("birth_date"),
    isCustomer: boolean("is_customer").notNull().default(false),
    locale: text("locale").notNull().default("pt-BR"),
    status: participantStatusEnum("status").notNull().default("active"),
    // E-mail preferences from the portal profile. Transactional mail (sign-in links, rewards) always goes.
    wantsMonthlyDigest: boolean("wants_monthly_digest").notNull().default(true),
    wantsStatusEmails: boolean("wants_status_emails").notNull().default(true),
    // When the referrer left the program; history is kept, e-mail stops.
    leftAt: timestamp("left_at", { withTimezone: true }),
    // When the referrer proved they read this address: signed in to the portal, or followed the link
    // of their first e-mail. Until then the address is only what an anonymous form said (issue:
    // registry oracle), and notices of automatic decisions do not go to it.
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("participants_program_email_unique").on(table.programId, table.email),
    // The monthly digest walks a program's referrers in id order, a batch at a time.
    index("participants_program_id_idx").on(table.programId, table.id),
    // Inbound e-mail routes a reply by its sender when nothing else names the participant.
    index("participants_email_idx").on(table.email),
  ],
);

/**
 * What a link is for: signing in, or confirming the address (the first e-mail after an anonymous
 * referral; for a referrer who left, the way back into the program).
 */
export const signInLinkPurposes = ["sign_in", "confirm_address"] as const;

/** Single-use, expiring sign-in links e-mailed to referrers. */
export const portalSignInLinks = pgTable(
  "portal_sign_in_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    purpose: text("purpose", { enum: signInLinkPurposes }).notNull().default("sign_in"),
  },
  (table) => [
    uniqueIndex("portal_sign_in_links_token_hash_unique").on(table.tokenHash),
    index("portal_sign_in_links_participant_idx").on(table.participantId, table.createdAt),
  ],
);

export const participantSessions = pgTable(
  "participant_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    ip: inet("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("participant_sessions_token_hash_unique").on(table.tokenHash),
    index("participant_sessions_participant_idx").on(table.participantId),
  ],
);

export type Participant = typeof participants.$inferSelect;
