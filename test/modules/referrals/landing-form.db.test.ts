import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referrals } from "../../../src/modules/referrals/schema.js";
import { makeProgram } from "../../support/factories.js";
import { validSubmission } from "../../support/referral-factory.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

/** The form as a browser without JavaScript posts it. */
function formBody(values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === false) continue;
    params.set(key, String(value));
  }
  return params.toString();
}

describe("the landing page's referral form without JavaScript", () => {
  let t: TestApp;
  let slug: string;
  let programId: string;
  let client = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const { program } = await makeProgram(t.ctx.db);
    slug = program.slug;
    programId = program.id;
  });
  afterAll(() => t.close());

  const post = (values: Record<string, unknown>, query = "") =>
    t.app.inject({
      method: "POST",
      url: `/p/${slug}${query}`,
      remoteAddress: `100.64.0.${++client}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: formBody(values),
    });

  it("shows the rules, the rewards and the form with every field labelled, well under 50 KB", async () => {
    const page = await t.app.inject({ method: "GET", url: `/p/${slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<form id="referral-form"[^>]*method="post"/);
    for (const field of [
      "referrerName",
      "referrerBirthDate",
      "companyCnpj",
      "contactDepartment",
      "declaresContactAware",
    ]) {
      expect(page.body).toContain(`for="${field}"`);
    }
    expect(page.body).toContain("Quem pode participar");
    expect(Buffer.byteLength(page.body)).toBeLessThan(50_000);
    const script = await t.app.inject({ method: "GET", url: "/p-assets/landing.js" });
    expect(script.statusCode).toBe(200);
    expect(script.headers["content-type"]).toContain("javascript");
  });

  it("gives every element its own id and has an icon, so no visit ends in a 404", async () => {
    const page = await t.app.inject({ method: "GET", url: `/p/${slug}` });
    const ids = [...page.body.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(page.body).toContain('rel="icon"');
    for (const url of ["/favicon.ico", "/favicon.svg"]) {
      const icon = await t.app.inject({ method: "GET", url });
      expect(icon.statusCode, url).toBe(200);
      expect(icon.headers["content-type"]).toContain("image/svg+xml");
    }
  });

  it("re-renders with field errors and keeps what was typed", async () => {
    const response = await post(
      validSubmission({
        companyCnpj: "11.222.333/0001-99",
        companyName: "Empresa Que Fica",
        declaresContactAware: false,
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('id="companyCnpj-error"');
    expect(response.body).toContain("CNPJ inválido.");
    expect(response.body).toContain('id="declaresContactAware-error"');
    expect(response.body).toContain('value="Empresa Que Fica"');
    expect(response.body).toContain('value="11.222.333/0001-99"');
    expect(response.body).toMatch(/id="companyCnpj"[^>]*aria-invalid="true"/);
  });

  it("shows the age error with the other field errors, not only once they are fixed", async () => {
    const response = await post(
      validSubmission({
        referrerBirthDate: yearsAgo(16),
        referrerPhone: "123",
        companyCnpj: "11.222.333/0001-99",
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('id="referrerBirthDate-error"');
    expect(response.body).toContain("É preciso ter 18 anos ou mais.");
    expect(response.body).toContain('id="referrerPhone-error"');
    expect(response.body).toContain('id="companyCnpj-error"');
  });

  it("shows the errors in English on the English page", async () => {
    const response = await post(validSubmission({ referrerEmail: "nope" }), "?lang=en");
    expect(response.body).toContain("This e-mail is not valid.");
    expect(response.body).toContain('lang="en"');
  });

  it("stores a valid referral and redirects to a confirmation (post/redirect/get)", async () => {
    const values = validSubmission();
    const response = await post(values);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/p/${slug}?lang=pt-BR&sent=1#s-form`);
    const stored = await t.ctx.db.select().from(referrals).where(eq(referrals.programId, programId));
    expect(stored.map((r) => r.contactEmail)).toContain(values.contactEmail);
    const confirmation = await t.app.inject({ method: "GET", url: `/p/${slug}?sent=1` });
    expect(confirmation.body).toContain("Indicação recebida!");
  });

  it("refuses a self-referral with the policy's words", async () => {
    const response = await post(
      validSubmission({ referrerEmail: "ana@acme.com.br", contactEmail: "bia@acme.com.br" }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Não é possível indicar a própria empresa.");
  });
});

function yearsAgo(years: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString().slice(0, 10);
}
