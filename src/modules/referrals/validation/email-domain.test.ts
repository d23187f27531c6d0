import { describe, expect, it } from "vitest";
import { corporateDomain, isDisposableDomain, isSelfReferral, registrableDomain } from "./email-domain.js";

describe("e-mail domains", () => {
  it("personal mailboxes never identify a company", () => {
    expect(corporateDomain("ana@gmail.com")).toBeNull();
    expect(corporateDomain("ana@UOL.com.br")).toBeNull();
    expect(corporateDomain("ana@acme.com.br")).toBe("acme.com.br");
  });

  it.each([
    ["mail.acme.com.br", "acme.com.br"],
    ["acme.com.br", "acme.com.br"],
    ["sub.acme.io", "acme.io"],
    ["acme.co.uk", "acme.co.uk"],
  ])("%s belongs to %s", (domain, registrable) => {
    expect(registrableDomain(domain)).toBe(registrable);
  });

  it.each([
    ["ana@acme.com.br", "bruno@acme.com.br", true],
    ["ana@acme.com.br", "bruno@vendas.acme.com.br", true],
    ["ana@gmail.com", "bruno@gmail.com", false],
    ["ana@acme.com.br", "bruno@outra.com.br", false],
  ])("%s referring %s is self-referral: %s", (referrer, contact, expected) => {
    expect(isSelfReferral(referrer, contact)).toBe(expected);
  });

  it("knows disposable mailbox providers", () => {
    expect(isDisposableDomain("mailinator.com")).toBe(true);
    expect(isDisposableDomain("acme.com.br")).toBe(false);
  });
});
