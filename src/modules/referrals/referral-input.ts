// The public intake body (DESIGN.md, "Intake"), camelCase. Messages are short pt-BR: the product speaks
// pt-BR first, and the landing page (landing/field-messages.ts) maps them to English by their opening
// words, so keep those stable.
import { z } from "zod";
import { isValidCnpj, normalizeCnpj } from "../../shared/cnpj.js";
import { isUsableCompanyName } from "../../shared/company-name.js";
import { isAtLeast, isValidIsoDate } from "../../shared/dates.js";
import { isSelfReferral } from "../../shared/email.js";
import { normalizePhone } from "../../shared/phone.js";
import { withoutBidiControls } from "../../shared/unicode-text.js";

// An HTML form sends a checkbox as "on" and a yes/no select as "true"/"false"; JSON sends booleans.
const fromForm = (value: unknown) =>
  value === "true" || value === "on" || value === "1"
    ? true
    : value === "false" || value === "0"
      ? false
      : value;
const formBoolean = z.preprocess(fromForm, z.boolean({ message: "Responda sim ou não." }));
const mustBeTrue = (message: string) => z.preprocess(fromForm, z.literal(true, { message }));
// An empty optional field arrives as "" (or blanks) from a form: the same as not sent.
const blankToNull = (value: unknown) =>
  value === undefined || (typeof value === "string" && value.trim() === "") ? null : value;

// Stored without bidi controls (a right-to-left override would make staff read the name reordered).
const text = (min: number, max: number, missing: string) =>
  z
    .string({ message: missing })
    .transform(withoutBidiControls)
    .pipe(
      z
        .string()
        .trim()
        .min(min, `${missing.slice(0, -1)} (pelo menos ${min} caracteres).`)
        .max(max, `Use no máximo ${max} caracteres.`),
    );
const email = (missing: string) =>
  z
    .string({ message: missing })
    .trim()
    .toLowerCase()
    .min(1, missing)
    .max(254, "E-mail inválido (longo demais).")
    .pipe(z.email("E-mail inválido."));
const phone = z
  .string({ message: "Informe o telefone." })
  .max(40, "Telefone inválido.")
  .transform((value, ctx) => {
    const normalized = normalizePhone(value);
    if (!normalized) ctx.addIssue({ code: "custom", message: "Telefone inválido." });
    return normalized ?? "";
  });

export const ZReferralSubmission = z.object({
  referrerName: text(2, 120, "Informe seu nome."),
  referrerEmail: email("Informe seu e-mail."),
  referrerPhone: phone,
  referrerBirthDate: z
    .string({ message: "Informe sua data de nascimento." })
    .trim()
    .refine(isValidIsoDate, "Data inválida (use AAAA-MM-DD)."),
  referrerIsCustomer: formBoolean,
  acceptTerms: mustBeTrue("É preciso aceitar os termos do programa."),
  // The name must leave a match key (first referrer wins): not only a legal form or invisible characters.
  companyName: text(2, 200, "Informe o nome da empresa.").pipe(
    z.string().refine(isUsableCompanyName, "Informe o nome da empresa (não só a forma jurídica)."),
  ),
  // Optional but preferred: the CNPJ root is the strongest "same company" key (DESIGN.md).
  companyCnpj: z.preprocess(
    blankToNull,
    z
      .string({ message: "CNPJ inválido." })
      .refine(isValidCnpj, "CNPJ inválido.")
      .transform((value) => normalizeCnpj(value)!)
      .nullable(),
  ),
  contactName: text(2, 120, "Informe o nome do contato."),
  contactRole: text(2, 120, "Informe o cargo do contato."),
  contactDepartment: z.enum(["it", "customer_service", "other"], { message: "Escolha o departamento." }),
  contactEmail: email("Informe o e-mail do contato."),
  contactPhone: phone,
  companySize: z.enum(["small", "medium", "large", "enterprise"], { message: "Escolha o porte da empresa." }),
  supportAgents: z.preprocess(
    blankToNull,
    z.coerce
      .number({ message: "Informe um número inteiro entre 0 e 100000." })
      .int("Informe um número inteiro entre 0 e 100000.")
      .min(0, "Informe um número inteiro entre 0 e 100000.")
      .max(100_000, "Informe um número inteiro entre 0 e 100000.")
      .nullable(),
  ),
  notes: z.preprocess(
    blankToNull,
    z
      .string()
      .transform(withoutBidiControls)
      .pipe(z.string().trim().max(2000, "Use no máximo 2000 caracteres."))
      .nullable(),
  ),
  // The two declarations the policy requires before a referral counts; stored as consent records.
  declaresContactAware: mustBeTrue(
    "Seu contato precisa saber que você o está indicando; sem isso a indicação não vale.",
  ),
  declaresNoPurchasedData: mustBeTrue(
    "Confirme que os dados não foram comprados nem tirados de listas: o programa não aceita contatos de listas compradas.",
  ),
  // The honeypot, hidden from people. Any value passes here: refusing it would tell a bot what it
  // tripped; the service answers as usual and stores nothing.
  website: z.preprocess((value) => (value == null ? undefined : String(value)), z.string().optional()),
});

export type TReferralSubmission = z.infer<typeof ZReferralSubmission>;

type ProgramRules = { minimumAge: number; today: string };
type FieldErrors = Record<string, string[]>;

/**
 * The rules that need more than one field or the program (DESIGN.md, "Intake": refused at once with a
 * field-level error). Field → pt-BR messages; empty when the submission passes.
 */
export function referralFieldRules(
  input: Pick<TReferralSubmission, "referrerBirthDate" | "referrerEmail" | "contactEmail">,
  program: ProgramRules,
): FieldErrors {
  return { ...ageError(input.referrerBirthDate, program), ...addressError(input) };
}

function ageError(birthDate: string, program: ProgramRules): FieldErrors {
  return isAtLeast(birthDate, program.minimumAge, program.today)
    ? {}
    : { referrerBirthDate: [`É preciso ter ${program.minimumAge} anos ou mais.`] };
}

function addressError(input: { referrerEmail: string; contactEmail: string }): FieldErrors {
  const sameAddress = input.contactEmail.trim().toLowerCase() === input.referrerEmail.trim().toLowerCase();
  if (sameAddress) return { contactEmail: ["Informe o e-mail do seu contato, não o seu."] };
  // The policy rewards bringing in another company, not one's own employer.
  if (isSelfReferral(input.referrerEmail, input.contactEmail))
    return { contactEmail: ["Não é possível indicar a própria empresa."] };
  return {};
}

/**
 * Every field error of a submission at once (issue: the age error came only once every other field was
 * valid): the schema's, and the program's rules on whichever of their fields are valid themselves.
 */
export function referralSubmissionErrors(raw: unknown, program: ProgramRules): FieldErrors {
  const parsed = ZReferralSubmission.safeParse(raw);
  if (parsed.success) return referralFieldRules(parsed.data, program);
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join(".") || "body";
    errors[field] = [...(errors[field] ?? []), issue.message];
  }
  const body = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const valid = <K extends keyof TReferralSubmission>(field: K) => {
    const result = ZReferralSubmission.shape[field].safeParse(body[field]);
    return result.success ? (result.data as TReferralSubmission[K]) : undefined;
  };
  const birthDate = valid("referrerBirthDate");
  const referrerEmail = valid("referrerEmail");
  const contactEmail = valid("contactEmail");
  const ruleErrors = {
    ...(birthDate !== undefined ? ageError(birthDate, program) : {}),
    ...(referrerEmail && contactEmail ? addressError({ referrerEmail, contactEmail }) : {}),
  };
  for (const [field, messages] of Object.entries(ruleErrors)) errors[field] ??= messages;
  return errors;
}
