// The public intake body (DESIGN.md "Intake"), camelCase. Messages are pt-BR: the product speaks
// pt-BR first; the web layer shows English from the field and code.
import { z } from "zod";
import { isAtLeast, isValidIsoDate } from "./age.js";
import { isValidCnpj, normalizeCnpj } from "./cnpj.js";
import { isSelfReferral } from "./email-domain.js";
import { normalizePhone } from "./phone.js";

// HTML forms send "on"/"true"; JSON sends booleans.
const formBoolean = z.preprocess(
  (value) =>
    value === "true" || value === "on" || value === "1"
      ? true
      : value === "false" || value === "0"
        ? false
        : value,
  z.boolean({ message: "Responda sim ou não." }),
);
const mustBeTrue = (message: string) =>
  z.preprocess(
    (value) => (value === "true" || value === "on" || value === "1" ? true : value),
    z.literal(true, { message }),
  );
const text = (min: number, max: number, label: string) =>
  z
    .string({ message: `Informe ${label}.` })
    .trim()
    .min(min, `Informe ${label}.`)
    .max(max, `Use no máximo ${max} caracteres.`);
const email = (label: string) =>
  z
    .string({ message: `Informe ${label}.` })
    .trim()
    .toLowerCase()
    .max(254, "E-mail longo demais.")
    .pipe(z.email("E-mail inválido."));
const phone = z
  .string({ message: "Informe o telefone." })
  .max(40, "Telefone inválido.")
  .transform((value, ctx) => {
    const normalized = normalizePhone(value);
    if (!normalized) ctx.addIssue({ code: "custom", message: "Telefone inválido." });
    return normalized ?? "";
  });
const emptyToNull = (value: unknown) => (value === "" || value === undefined ? null : value);

export const ZReferralSubmission = z.object({
  referrerName: text(2, 120, "seu nome"),
  referrerEmail: email("seu e-mail"),
  referrerPhone: phone,
  referrerBirthDate: z
    .string({ message: "Informe sua data de nascimento." })
    .refine(isValidIsoDate, "Data inválida (use AAAA-MM-DD)."),
  referrerIsCustomer: formBoolean,
  acceptTerms: mustBeTrue("É preciso aceitar os termos do programa."),
  companyName: text(2, 200, "o nome da empresa"),
  companyCnpj: z.preprocess(
    emptyToNull,
    z
      .string()
      .max(30, "CNPJ inválido.")
      .refine(isValidCnpj, "CNPJ inválido.")
      .transform((value) => normalizeCnpj(value)!)
      .nullable()
      .default(null),
  ),
  contactName: text(2, 120, "o nome do contato"),
  contactRole: text(2, 120, "o cargo do contato"),
  contactDepartment: z.enum(["it", "customer_service", "other"], { message: "Escolha o departamento." }),
  contactEmail: email("o e-mail do contato"),
  contactPhone: phone,
  companySize: z.enum(["small", "medium", "large", "enterprise"], { message: "Escolha o porte da empresa." }),
  supportAgents: z.preprocess(
    emptyToNull,
    z.coerce
      .number({ message: "Informe um número." })
      .int("Informe um número inteiro.")
      .min(0)
      .max(100_000)
      .nullable()
      .default(null),
  ),
  notes: z.preprocess(
    emptyToNull,
    z.string().trim().max(2000, "Use no máximo 2000 caracteres.").nullable().default(null),
  ),
  declaresContactAware: mustBeTrue(
    "Seu contato precisa saber que você o está indicando; sem isso a indicação não vale.",
  ),
  declaresNoPurchasedData: mustBeTrue("Confirme que os dados não foram comprados nem tirados de listas."),
  // The honeypot: hidden from people; the service treats any value as a bot.
  website: z.string().max(500).optional(),
});

export type TReferralSubmission = z.infer<typeof ZReferralSubmission>;

/** Rules across fields, checked against the program: returns field → messages (empty when fine). */
export function referralFieldRules(
  input: Pick<TReferralSubmission, "referrerBirthDate" | "referrerEmail" | "contactEmail">,
  program: { minimumAge: number; today: string },
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!isAtLeast(input.referrerBirthDate, program.minimumAge, program.today)) {
    errors.referrerBirthDate = [`É preciso ter ${program.minimumAge} anos ou mais para participar.`];
  }
  if (input.contactEmail === input.referrerEmail) {
    errors.contactEmail = ["Informe o e-mail do seu contato, não o seu."];
  } else if (isSelfReferral(input.referrerEmail, input.contactEmail)) {
    errors.contactEmail = ["Não é possível indicar a própria empresa."];
  }
  return errors;
}
