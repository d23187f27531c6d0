import { describe, expect, it } from "vitest";
import {
  corporateDomain,
  emailDomain,
  isDisposableDomain,
  isFreeMailDomain,
  isSelfReferral,
  registrableDomain,
} from "./email.js";

describe("emailDomain", () => {
  it.each([
    ["Ana@ACME.com.BR", "acme.com.br"],
    [" ana@acme.com.br ", "acme.com.br"],
    ['"a@b"@acme.com.br', "acme.com.br"],
    ["ana@acme.com.br.", "acme.com.br"],
    ["no-at-sign", ""],
  ])("%s → %j", (email, domain) => {
    expect(emailDomain(email)).toBe(domain);
  });
});

describe("isFreeMailDomain", () => {
  it.each([
    ["gmail.com", true],
    ["GMAIL.COM", true],
    ["hotmail.com.br", true],
    ["outlook.com.br", true],
    ["uol.com.br", true],
    ["bol.com.br", true],
    ["proton.me", true],
    ["acme.com.br", false],
    ["gmail.com.acme.com.br", false],
  ])("%s: %s", (domain, expected) => {
    expect(isFreeMailDomain(domain)).toBe(expected);
  });
});

describe("isDisposableDomain", () => {
  it.each([
    ["mailinator.com", true],
    ["YOPMAIL.COM", true],
    ["tempmail.dev", true],
    ["anything.mailinator.com", true],
    ["acme.com.br", false],
    ["gmail.com", false],
  ])("%s: %s", (domain, expected) => {
    expect(isDisposableDomain(domain)).toBe(expected);
  });
});

describe("registrableDomain", () => {
  it.each([
    ["mail.acme.com.br", "acme.com.br"],
    ["acme.com.br", "acme.com.br"],
    ["a.b.acme.net.br", "acme.net.br"],
    ["saude.prefeitura.gov.br", "prefeitura.gov.br"],
    ["sub.acme.io", "acme.io"],
    ["acme.co.uk", "acme.co.uk"],
    ["www.acme.co.uk", "acme.co.uk"],
    ["mail.acme.co", "acme.co"],
    ["acme.com", "acme.com"],
  ])("%s belongs to %s", (domain, registrable) => {
    expect(registrableDomain(domain)).toBe(registrable);
  });
});

describe("corporateDomain", () => {
  it.each([
    ["ana@acme.com.br", "acme.com.br"],
    ["ana@Vendas.Acme.com.br", "acme.com.br"],
    ["ana@gmail.com", null],
    ["ana@UOL.com.br", null],
    ["ana@email.uol.com.br", null],
    ["ana@localhost", null],
    ["not-an-email", null],
  ])("%s → %s", (email, domain) => {
    expect(corporateDomain(email)).toBe(domain);
  });
});

describe("isSelfReferral", () => {
  it.each([
    ["the same corporate domain", "ana@acme.com.br", "bruno@acme.com.br", true],
    ["a subdomain of the referrer's", "ana@acme.com.br", "bruno@vendas.acme.com.br", true],
    ["the referrer on a subdomain", "ana@mail.acme.com.br", "bruno@acme.com.br", true],
    ["different case", "ana@ACME.com.br", "bruno@acme.COM.br", true],
    ["both on the same free-mail provider", "ana@gmail.com", "bruno@gmail.com", false],
    ["a free-mail referrer and a corporate contact", "ana@gmail.com", "bruno@acme.com.br", false],
    ["another company", "ana@acme.com.br", "bruno@outra.com.br", false],
    ["same name, other suffix", "ana@acme.com", "bruno@acme.com.br", false],
  ])("%s: %s referring %s → %s", (_case, referrer, contact, expected) => {
    expect(isSelfReferral(referrer, contact)).toBe(expected);
  });
});
