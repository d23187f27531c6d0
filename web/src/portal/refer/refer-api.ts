import { apiRequest } from "../../api/api-client";
import type { ApiBody, ApiResponse } from "../../api/api-types";

type PublicProgram = ApiResponse<"/api/public/programs/{programSlug}", "get">["program"];
/** What the referral form needs to know about the program; `termsVersion` is stored with the consent records. */
export type ProgramForReferral = Pick<
  PublicProgram,
  "slug" | "name" | "isRunning" | "minimumAge" | "termsVersion"
>;

// GET /api/public/programs/:programSlug – the program's rules and catalog; the form uses only these fields.
export async function getProgramForReferral(slug: string): Promise<ProgramForReferral> {
  const { program } = await apiRequest<ApiResponse<"/api/public/programs/{programSlug}", "get">>(
    `/api/public/programs/${encodeURIComponent(slug)}`,
  );
  return program;
}

const referralsPath = "/api/public/programs/{programSlug}/referrals";
/** The public intake body (DESIGN.md "Intake"), the same the landing page posts. */
export type ReferralSubmission = ApiBody<typeof referralsPath, "post">;

// POST /api/public/programs/:programSlug/referrals – the referrer is identified by the e-mail in the body.
export function submitReferral(slug: string, submission: ReferralSubmission) {
  return apiRequest<ApiResponse<typeof referralsPath, "post">, ReferralSubmission>(
    `/api/public/programs/${encodeURIComponent(slug)}/referrals`,
    { method: "POST", body: submission },
  );
}
