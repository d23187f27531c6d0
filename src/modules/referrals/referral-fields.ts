// The fields a referral shows on both sides (back office and portal), each described once for the API
// document (/api/docs).
import { z } from "zod";
import { referralStatuses } from "./schema.js";

export const referralFields = {
  id: z.string().describe("The referral's id (a UUID)."),
  status: z
    .enum(referralStatuses)
    .describe(
      "Where it stands in the lifecycle: in_progress, qualified, not_qualified, in_commercial_process, not_advanced or sale_confirmed.",
    ),
  reason: z
    .string()
    .nullable()
    .describe(
      "The reason code of a not_qualified or not_advanced status (e.g. already_customer, budget); null otherwise.",
    ),
  companyName: z.string().describe("The referred company, as the referrer wrote it."),
  companyCnpj: z
    .string()
    .nullable()
    .describe(
      "The company's CNPJ, 14 characters without punctuation (numeric or the 2026 alphanumeric form); null if not given.",
    ),
  contactName: z.string().describe("The person at the referred company."),
  createdAt: z.string().describe("When it was submitted (ISO 8601, UTC)."),
  updatedAt: z.string().describe("Its last change (ISO 8601, UTC)."),
};
