// A valid referral submission, with overrides; unique company and contact per call.
import { randomBytes } from "node:crypto";

export function validSubmission(overrides: Record<string, unknown> = {}) {
  const tag = randomBytes(4).toString("hex");
  return {
    referrerName: "Rita Referrer",
    referrerEmail: `rita.${tag}@gmail.com`,
    referrerPhone: "(11) 98765-4321",
    referrerBirthDate: "1990-05-10",
    referrerIsCustomer: true,
    acceptTerms: true,
    companyName: `Empresa ${tag} Ltda`,
    companyCnpj: null,
    contactName: "Carlos Contato",
    contactRole: "Gerente de TI",
    contactDepartment: "it",
    contactEmail: `carlos@empresa-${tag}.com.br`,
    contactPhone: "(21) 3333-4444",
    companySize: "large",
    supportAgents: 12,
    notes: "Eles usam planilhas hoje.",
    declaresContactAware: true,
    declaresNoPurchasedData: true,
    ...overrides,
  };
}

/** A valid numeric CNPJ for a given 8-digit root and 4-digit branch (check digits computed). */
export function cnpjFor(root: string, branch = "0001"): string {
  const base = `${root}${branch}`;
  const digit = (chars: string, weights: number[]) => {
    const sum = [...chars].reduce((acc, c, i) => acc + (c.charCodeAt(0) - 48) * weights[i]!, 0);
    return sum % 11 < 2 ? 0 : 11 - (sum % 11);
  };
  const first = digit(base, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = digit(`${base}${first}`, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${base}${first}${second}`;
}

let rootCounter = 0;
/** A fresh 8-digit CNPJ root per call. */
export function newCnpjRoot(): string {
  rootCounter++;
  return String(
    (Number.parseInt(randomBytes(3).toString("hex"), 16) * 100 + rootCounter) % 100_000_000,
  ).padStart(8, "1");
}
