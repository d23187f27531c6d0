import type { CompanySize, ContactDepartment } from "@shared/referral-codes";
import { apiRequest } from "../../api/api-client";

/** What the referral form needs to know about the program (GET /api/public/programs/:slug). */
export type ProgramForReferral = {
  slug: string;
  name: string;
  isRunning: boolean;
  minimumAge: number;
  /** The terms the referrer accepts with each referral; stored with the consent records. */
  termsVersion: string;
};

// GET /api/public/programs/:programSlug – the program's rules and catalog; the form uses only these fields.
export async function getProgramForReferral(slug: string): Promise<ProgramForReferral> {
  const { program } = await apiRequest<{ program: ProgramForReferral }>(
    `/api/public/programs/${encodeURIComponent(slug)}`,
  );
  return program;
}

/** The public intake body (DESIGN.md "Intake"), the same the landing page posts. */
export type ReferralSubmission = {
  referrerName: string;
  referrerEmail: string;
  referrerPhone: string;
  referrerBirthDate: string;
  referrerIsCustomer: boolean;
  acceptTerms: boolean;
  companyName: string;
  companyCnpj: string | null;
  contactName: string;
  contactRole: string;
  contactDepartment: ContactDepartment;
  contactEmail: string;
  contactPhone: string;
  companySize: CompanySize;
  supportAgents: number | null;
  notes: string | null;
  declaresContactAware: boolean;
  declaresNoPurchasedData: boolean;
};

// POST /api/public/programs/:programSlug/referrals – the referrer is identified by the e-mail in the body.
export function submitReferral(slug: string, submission: ReferralSubmission) {
  return apiRequest<{ id: string; status: "in_progress" }>(
    `/api/public/programs/${encodeURIComponent(slug)}/referrals`,
    { method: "POST", body: submission },
  );
}
