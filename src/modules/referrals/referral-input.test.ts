import { describe, expect, it } from "vitest";
import { z } from "zod";
import { referralFieldRules, ZReferralSubmission } from "./referral-input.js";

// A submission as the landing form posts it; each test changes only what it is about.
function aSubmission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    referrerName: "  Ana Souza ",
    referrerEmail: " Ana.Souza@Cliente.com.br ",
    referrerPhone: "(11) 98765-4321",
    referrerBirthDate: "1990-05-17",
    referrerIsCustomer: "true",
    acceptTerms: "on",
    companyName: "Acme Software Ltda.",
    companyCnpj: "12.abc.345/01de-35",
    contactName: "Bruno Lima",
    contactRole: "Gerente de TI",
    contactDepartment: "it",
    contactEmail: "Bruno@Acme.com.br",
    contactPhone: "+55 21 2222-3333",
    companySize: "medium",
    supportAgents: "12",
    notes: "  Procuram um helpdesk.  ",
    declaresContactAware: "on",
    declaresNoPurchasedData: "on",
    website: "",
    ...overrides,
  };
}

function messagesFor(overrides: Record<string, unknown>): Record<string, string[]> {
  const result = ZReferralSubmission.safeParse(aSubmission(overrides));
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

describe("ZReferralSubmission", () => {
  it("stores names and notes without bidi controls (a right-to-left override reorders what staff read)", () => {
    const parsed = ZReferralSubmission.parse(
      aSubmission({
        referrerName: "Ana \u202ESouza\u202C",
        companyName: "\u202EAcme\u202C Software",
        contactName: "Bruno\u2067 Lima\u2069",
        notes: "nota \u202Eoculta",
      }),
    );
    expect(parsed).toMatchObject({
      referrerName: "Ana Souza",
      companyName: "Acme Software",
      contactName: "Bruno Lima",
      notes: "nota oculta",
    });
  });

  it("parses a full form submission to normalized values", () => {
    expect(ZReferralSubmission.parse(aSubmission())).toEqual({
      referrerName: "Ana Souza",
      referrerEmail: "ana.souza@cliente.com.br",
      referrerPhone: "+5511987654321",
      referrerBirthDate: "1990-05-17",
      referrerIsCustomer: true,
      acceptTerms: true,
      companyName: "Acme Software Ltda.",
      companyCnpj: "12ABC34501DE35",
      contactName: "Bruno Lima",
      contactRole: "Gerente de TI",
      contactDepartment: "it",
      contactEmail: "bruno@acme.com.br",
      contactPhone: "+552122223333",
      companySize: "medium",
      supportAgents: 12,
      notes: "Procuram um helpdesk.",
      declaresContactAware: true,
      declaresNoPurchasedData: true,
      website: "",
    });
  });

  it.each([
    ["JSON booleans and numbers", { referrerIsCustomer: false, acceptTerms: true, supportAgents: 0 }],
    ["a 'false' answer from the select", { referrerIsCustomer: "false" }],
    ["no CNPJ", { companyCnpj: undefined }],
    ["a blank CNPJ", { companyCnpj: "   " }],
    ["a numeric CNPJ", { companyCnpj: "11.222.333/0001-81" }],
    ["no optional fields", { supportAgents: undefined, notes: undefined, website: undefined }],
    ["blank optional fields", { supportAgents: "", notes: "  " }],
    ["a filled honeypot (the service decides)", { website: "http://spam.example" }],
  ])("accepts %s", (_case, overrides) => {
    expect(messagesFor(overrides)).toEqual({});
  });

  it("turns blank optional fields into null", () => {
    const parsed = ZReferralSubmission.parse(aSubmission({ companyCnpj: "", supportAgents: "", notes: " " }));
    expect([parsed.companyCnpj, parsed.supportAgents, parsed.notes]).toEqual([null, null, null]);
  });

  it.each([
    ["referrerName", "a one-letter name", "A", "Informe seu nome (pelo menos 2 caracteres)."],
    ["referrerName", "a missing name", undefined, "Informe seu nome."],
    ["referrerName", "a name over 120 characters", "a".repeat(121), "Use no máximo 120 caracteres."],
    ["referrerEmail", "a malformed e-mail", "ana@", "E-mail inválido."],
    ["referrerEmail", "an empty e-mail", " ", "Informe seu e-mail."],
    [
      "referrerEmail",
      "an e-mail over 254 characters",
      `${"a".repeat(250)}@acme.com`,
      "E-mail inválido (longo demais).",
    ],
    ["referrerPhone", "an invalid phone", "(11) 1234-5678", "Telefone inválido."],
    ["referrerPhone", "a phone with letters", "11 9876-ABCD", "Telefone inválido."],
    ["referrerBirthDate", "an impossible date", "2000-02-30", "Data inválida (use AAAA-MM-DD)."],
    ["referrerBirthDate", "a Brazilian-style date", "17/05/1990", "Data inválida (use AAAA-MM-DD)."],
    ["referrerIsCustomer", "no answer", undefined, "Responda sim ou não."],
    ["acceptTerms", "terms not accepted", undefined, "É preciso aceitar os termos do programa."],
    ["acceptTerms", "terms refused", "false", "É preciso aceitar os termos do programa."],
    ["companyName", "a missing company name", "", "Informe o nome da empresa (pelo menos 2 caracteres)."],
    ["companyName", "a company name over 200 characters", "a".repeat(201), "Use no máximo 200 caracteres."],
    ["companyName", "only a legal form", "Ltda.", "Informe o nome da empresa (não só a forma jurídica)."],
    [
      "companyName",
      "only invisible characters",
      "\u200B\u200B\u200B",
      "Informe o nome da empresa (não só a forma jurídica).",
    ],
    ["companyCnpj", "wrong check digits", "12.ABC.345/01DE-36", "CNPJ inválido."],
    ["companyCnpj", "a short CNPJ", "11.222.333/0001", "CNPJ inválido."],
    ["contactName", "a missing contact name", undefined, "Informe o nome do contato."],
    ["contactRole", "a one-letter role", "X", "Informe o cargo do contato (pelo menos 2 caracteres)."],
    ["contactDepartment", "an unknown department", "sales", "Escolha o departamento."],
    ["contactEmail", "a malformed contact e-mail", "bruno.acme.com.br", "E-mail inválido."],
    ["contactPhone", "a missing contact phone", undefined, "Informe o telefone."],
    ["companySize", "an unknown size", "huge", "Escolha o porte da empresa."],
    ["supportAgents", "a negative number", "-1", "Informe um número inteiro entre 0 e 100000."],
    ["supportAgents", "a fraction", "2.5", "Informe um número inteiro entre 0 e 100000."],
    ["supportAgents", "over 100000", 100_001, "Informe um número inteiro entre 0 e 100000."],
    ["supportAgents", "not a number", "muitos", "Informe um número inteiro entre 0 e 100000."],
    ["notes", "notes over 2000 characters", "a".repeat(2001), "Use no máximo 2000 caracteres."],
  ])("refuses on %s: %s", (field, _case, value, message) => {
    expect(messagesFor({ [field]: value })).toEqual({ [field]: [message] });
  });

  it.each([
    ["declaresContactAware", undefined],
    ["declaresContactAware", "false"],
    ["declaresNoPurchasedData", undefined],
    ["declaresNoPurchasedData", false],
  ])("refuses a submission without the declaration %s (%j), explaining the policy", (field, value) => {
    const [message] = messagesFor({ [field]: value })[field] ?? [];
    expect(message).toMatch(
      field === "declaresContactAware"
        ? /^Seu contato precisa saber/
        : /não foram comprados nem tirados de listas/,
    );
  });
});

describe("referralFieldRules", () => {
  const program = { minimumAge: 18, today: "2026-11-23" };
  const valid = {
    referrerBirthDate: "1990-05-17",
    referrerEmail: "ana@cliente.com.br",
    contactEmail: "bruno@acme.com.br",
  };

  it("finds nothing wrong with a referrer of age referring another company", () => {
    expect(referralFieldRules(valid, program)).toEqual({});
  });

  it.each([
    [
      "a referrer one day short of 18",
      { referrerBirthDate: "2008-11-24" },
      program,
      "referrerBirthDate",
      "É preciso ter 18 anos ou mais.",
    ],
    [
      "a referrer born in the future",
      { referrerBirthDate: "2027-01-01" },
      program,
      "referrerBirthDate",
      "É preciso ter 18 anos ou mais.",
    ],
    [
      "a program with a minimum age of 21",
      { referrerBirthDate: "2006-01-01" },
      { ...program, minimumAge: 21 },
      "referrerBirthDate",
      "É preciso ter 21 anos ou mais.",
    ],
    [
      "a contact at the referrer's company",
      { contactEmail: "bruno@vendas.cliente.com.br" },
      program,
      "contactEmail",
      "Não é possível indicar a própria empresa.",
    ],
    [
      "the referrer's own e-mail as the contact's",
      { contactEmail: "ANA@cliente.com.br" },
      program,
      "contactEmail",
      "Informe o e-mail do seu contato, não o seu.",
    ],
    [
      "the same free-mail address on both sides",
      { referrerEmail: "ana@gmail.com", contactEmail: "ana@gmail.com" },
      program,
      "contactEmail",
      "Informe o e-mail do seu contato, não o seu.",
    ],
  ])("refuses %s", (_case, overrides, rules, field, message) => {
    expect(referralFieldRules({ ...valid, ...overrides }, rules)).toEqual({ [field]: [message] });
  });

  it.each([
    ["a referrer who turns 18 today", { referrerBirthDate: "2008-11-23" }],
    [
      "two different people on the same free-mail provider",
      { referrerEmail: "ana@gmail.com", contactEmail: "bruno@gmail.com" },
    ],
  ])("accepts %s", (_case, overrides) => {
    expect(referralFieldRules({ ...valid, ...overrides }, program)).toEqual({});
  });
});
