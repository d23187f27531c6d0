// Inputs and outputs of the sales back-office routes (DESIGN "HTTP contract").
import { z } from "zod";
import { ZCursor } from "../../../platform/db/keyset.js";
import { isValidIsoDate } from "../../../shared/dates.js";
import { companySizes, contactDepartments, referralStatuses } from "../../../shared/referral-codes.js";
// From the schema file, not the module's index: modules import each other's indexes in cycles, and a
// schema used at load time must be defined whatever the order modules are first imported in.
import { ZAdminOffer } from "../../rewards/index.js";
import { disqualificationReasons, notAdvancedReasons } from "../lifecycle.js";
import { referralFields } from "../referral-fields.js";

const ZIsoDate = z.string().refine(isValidIsoDate, { message: "Use uma data no formato AAAA-MM-DD." });
const referralReasons = [...disqualificationReasons, ...notAdvancedReasons] as const;

export const ZReferralFilters = z.object({
  programId: z.uuid().optional(),
  status: z.enum(referralStatuses).optional(),
  reason: z.enum(referralReasons).optional(),
  referrerId: z.uuid().optional(),
  assigneeId: z.union([z.uuid(), z.literal("none")]).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(["createdAt", "updatedAt", "companyName"]).default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type TReferralFilters = z.infer<typeof ZReferralFilters>;

export const ZReferralListQuery = ZReferralFilters.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: ZCursor.optional(),
});
export type TReferralListQuery = z.infer<typeof ZReferralListQuery>;

export const ZAdminReferralSummary = z
  .object({
    id: referralFields.id,
    programId: z.string().describe("The program it was made in."),
    status: referralFields.status,
    reason: referralFields.reason,
    companyName: referralFields.companyName,
    companyCnpj: referralFields.companyCnpj,
    contactName: referralFields.contactName,
    contactEmail: z.string().describe("The contact's e-mail."),
    referrer: z
      .object({ id: z.string(), name: z.string(), email: z.string() })
      .describe("The participant who made the referral."),
    assignee: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe("Who in the team looks after it; null when nobody does."),
    createdAt: referralFields.createdAt,
    updatedAt: referralFields.updatedAt,
  })
  .meta({ id: "AdminReferralSummary" });
export type TAdminReferralSummary = z.infer<typeof ZAdminReferralSummary>;

/** What a finding found, by its kind (run-checks.ts writes them): the registry row, the winner, a count. */
const ZFindingDetail = z.object({
  /** already_referred: the referral that had the company first. */
  winnerId: z.string().optional(),
  /** Registry findings: the registry row's key (CNPJ root, domain or name). */
  entryKey: z.string().optional(),
  /** former_customer(_recent): when the customer left. */
  churnedOn: z.string().nullable().optional(),
  /** in_pipeline_(before|after): when the lead entered the funnel. */
  enteredOn: z.string().optional(),
  /** burst_from_(referrer|ip): referrals in the last hour. */
  lastHour: z.number().optional(),
  /** disposable_(contact|referrer)_email: the address. */
  email: z.string().optional(),
});

const ZFinding = z.object({
  kind: z.string(),
  detail: ZFindingDetail,
  createdAt: z.string(),
});

export const checklistKeys = ["role_and_department", "company_size", "support_agents", "b2b"] as const;

export const ZAdminReferralDetail = ZAdminReferralSummary.extend({
  version: z.number(),
  referrerPhone: z.string().nullable(),
  /** The referrer's name and phone as this referral's form gave them (the profile is the portal's). */
  submittedReferrerName: z.string().nullable(),
  submittedReferrerPhone: z.string().nullable(),
  referrerIsCustomer: z.boolean(),
  contactRole: z.string(),
  contactDepartment: z.enum(contactDepartments),
  contactPhone: z.string(),
  companySize: z.enum(companySizes),
  supportAgents: z.number().nullable(),
  notes: z.string().nullable(),
  duplicateOfId: z.string().nullable(),
  findings: z.array(ZFinding),
  fraudSignals: z.array(ZFinding),
  checklist: z.array(z.object({ key: z.enum(checklistKeys), met: z.boolean().nullable() })),
  contactConfirmation: z
    .object({ decision: z.enum(["pending", "confirmed", "objected"]), decidedAt: z.string().nullable() })
    .nullable(),
  contactConfirmationRequired: z.boolean(),
  events: z.array(
    z.object({
      id: z.number(),
      fromStatus: z.enum(referralStatuses).nullable(),
      toStatus: z.enum(referralStatuses),
      reason: z.string().nullable(),
      note: z.string().nullable(),
      actor: z.object({
        kind: z.enum(["system", "staff", "contact"]),
        id: z.string().nullable(),
        name: z.string().nullable(),
      }),
      createdAt: z.string(),
    }),
  ),
  allowedMoves: z.array(z.object({ to: z.enum(referralStatuses), reasons: z.array(z.string()) })),
  sale: z
    .object({
      id: z.string(),
      cnpjs: z.array(z.string()),
      isUpgrade: z.boolean(),
      closedAt: z.string(),
      createdAt: z.string(),
    })
    .nullable(),
  offer: ZAdminOffer.nullable(),
}).meta({ id: "AdminReferralDetail" });
export type TAdminReferralDetail = z.infer<typeof ZAdminReferralDetail>;

export const ZTransitionBody = z.object({
  to: z.enum(referralStatuses),
  reason: z.string().max(60).nullish(),
  note: z.string().trim().max(2000).nullish(),
});

export const ZAssignmentBody = z.object({ assigneeId: z.uuid().nullable() });

export const ZSaleBody = z.object({
  cnpjs: z.array(z.string().trim().min(1).max(30)).min(1).max(50),
  isUpgrade: z.boolean(),
  closedAt: ZIsoDate,
  note: z.string().trim().max(2000).nullish(),
});
export type TSaleBody = z.infer<typeof ZSaleBody>;
