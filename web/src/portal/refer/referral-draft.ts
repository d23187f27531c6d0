import { isValidCnpj } from "@shared/cnpj";
import { isAtLeast } from "@shared/dates";
import { isPlausibleEmail, normalizeEmail } from "@shared/email";
import { isPlausiblePhone, phoneForInput } from "@shared/phone-input";
import { companySizes, contactDepartments } from "@shared/referral-codes";
import { todayIsoDate } from "../../app/formatting";
import type { ReferralSubmission } from "./refer-api";

/** The form as typed: every input a string (selects start empty), the declarations as checkboxes. */
export type ReferralDraft = {
  referrerName: string;
  referrerEmail: string;
  referrerPhone: string;
  referrerBirthDate: string;
  referrerIsCustomer: string;
  companyName: string;
  companyCnpj: string;
  companySize: string;
  supportAgents: string;
  contactName: string;
  contactRole: string;
  contactDepartment: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
  declaresContactAware: boolean;
  declaresNoPurchasedData: boolean;
  acceptTerms: boolean;
};
export type DraftField = keyof ReferralDraft;
export type TextField = { [K in DraftField]: ReferralDraft[K] extends string ? K : never }[DraftField];

/** Each maps to `portal.refer.problems.<code>`; `n` fills in a number (age, length). */
export type Problem = {
  code:
    | "required"
    | "tooShort"
    | "tooLong"
    | "emailInvalid"
    | "phoneInvalid"
    | "cnpjInvalid"
    | "dateInvalid"
    | "underAge"
    | "numberInvalid"
    | "contactIsYou"
    | "ownCompany"
    | "contactAwareRequired"
    | "noPurchasedDataRequired"
    | "termsRequired";
  n?: number;
};
export type Problems = Partial<Record<DraftField, Problem>>;

/** The referrer's part comes from their profile; birth date and "customer?" are not kept there. */
export function draftFor(referrer: { name: string; email: string; phone: string | null }): ReferralDraft {
  return {
    referrerName: referrer.name,
    referrerEmail: referrer.email,
    referrerPhone: phoneForInput(referrer.phone),
    referrerBirthDate: "",
    referrerIsCustomer: "",
    companyName: "",
    companyCnpj: "",
    companySize: "",
    supportAgents: "",
    contactName: "",
    contactRole: "",
    contactDepartment: "",
    contactEmail: "",
    contactPhone: "",
    notes: "",
    declaresContactAware: false,
    declaresNoPurchasedData: false,
    acceptTerms: false,
  };
}

const requiredText: TextField[] = [
  "referrerName",
  "referrerPhone",
  "referrerBirthDate",
  "referrerIsCustomer",
  "companyName",
  "companySize",
  "contactName",
  "contactRole",
  "contactDepartment",
  "contactEmail",
  "contactPhone",
];

/** The checks the landing page makes as you type, plus the age and "not your own e-mail" rules. */
export function problemsOf(draft: ReferralDraft, minimumAge: number): Problems {
  const problems: Problems = {};
  for (const field of requiredText) if (!draft[field].trim()) problems[field] = { code: "required" };
  const contactEmail = normalizeEmail(draft.contactEmail);
  if (contactEmail && !isPlausibleEmail(contactEmail)) problems.contactEmail = { code: "emailInvalid" };
  else if (contactEmail && contactEmail === normalizeEmail(draft.referrerEmail))
    problems.contactEmail = { code: "contactIsYou" };
  for (const field of ["referrerPhone", "contactPhone"] as const) {
    if (draft[field].trim() && !isPlausiblePhone(draft[field])) problems[field] = { code: "phoneInvalid" };
  }
  if (draft.companyCnpj.trim() && !isValidCnpj(draft.companyCnpj))
    problems.companyCnpj = { code: "cnpjInvalid" };
  if (draft.referrerBirthDate && !isAtLeast(draft.referrerBirthDate, minimumAge, todayIsoDate()))
    problems.referrerBirthDate = { code: "underAge", n: minimumAge };
  if (draft.supportAgents.trim() && !/^\d{1,6}$/.test(draft.supportAgents.trim()))
    problems.supportAgents = { code: "numberInvalid" };
  if (!draft.declaresContactAware) problems.declaresContactAware = { code: "contactAwareRequired" };
  if (!draft.declaresNoPurchasedData) problems.declaresNoPurchasedData = { code: "noPurchasedDataRequired" };
  if (!draft.acceptTerms) problems.acceptTerms = { code: "termsRequired" };
  return problems;
}

/**
 * The body for the API once `problemsOf` found nothing; null while a declaration the policy requires
 * (contact aware, no purchased data, terms) is unchecked, since the API takes only `true` for them.
 */
export function submissionOf(draft: ReferralDraft): ReferralSubmission | null {
  const { acceptTerms, declaresContactAware, declaresNoPurchasedData } = draft;
  if (!acceptTerms || !declaresContactAware || !declaresNoPurchasedData) return null;
  const blankToNull = (value: string) => value.trim() || null;
  return {
    referrerName: draft.referrerName.trim(),
    referrerEmail: draft.referrerEmail.trim(),
    referrerPhone: draft.referrerPhone.trim(),
    referrerBirthDate: draft.referrerBirthDate,
    referrerIsCustomer: draft.referrerIsCustomer === "true",
    acceptTerms,
    companyName: draft.companyName.trim(),
    companyCnpj: blankToNull(draft.companyCnpj),
    contactName: draft.contactName.trim(),
    contactRole: draft.contactRole.trim(),
    contactDepartment: contactDepartments.find((value) => value === draft.contactDepartment) ?? "other",
    contactEmail: draft.contactEmail.trim(),
    contactPhone: draft.contactPhone.trim(),
    companySize: companySizes.find((value) => value === draft.companySize) ?? "small",
    supportAgents: draft.supportAgents.trim() ? Number(draft.supportAgents.trim()) : null,
    notes: blankToNull(draft.notes),
    declaresContactAware,
    declaresNoPurchasedData,
  };
}

// The intake API answers in short pt-BR sentences (src/modules/referrals/validation/referral-input.ts);
// their opening words are kept stable for exactly this kind of mapping (the landing page does the same).
const serverMessages: [RegExp, Problem["code"]][] = [
  [/pelo menos (\d+) caracteres/, "tooShort"],
  [/^Use no máximo (\d+)/, "tooLong"],
  [/^Informe o e-mail do seu contato/, "contactIsYou"],
  [/^Informe um número/, "numberInvalid"],
  [/^(Informe|Escolha|Responda)/, "required"],
  [/^E-mail inválido/, "emailInvalid"],
  [/^Telefone inválido/, "phoneInvalid"],
  [/^CNPJ inválido/, "cnpjInvalid"],
  [/^Data inválida/, "dateInvalid"],
  [/^É preciso ter (\d+) anos/, "underAge"],
  [/^É preciso aceitar os termos/, "termsRequired"],
  [/^Seu contato precisa saber/, "contactAwareRequired"],
  [/^Confirme que os dados/, "noPurchasedDataRequired"],
  [/^Não é possível indicar a própria empresa/, "ownCompany"],
];

/** A server message as one of the form's problems; undefined for a sentence this page does not know. */
export function problemFromServer(message: string): Problem | undefined {
  for (const [pattern, code] of serverMessages) {
    const match = message.match(pattern);
    if (match) return { code, n: match[1] ? Number(match[1]) : undefined };
  }
  return undefined;
}
