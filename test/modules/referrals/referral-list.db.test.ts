import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "../../../src/shared/date-format.js";
import { type Auth, call, moveOk, signInAs, submitChecked } from "../../support/back-office.js";
import { makeProgram, unique } from "../../support/factories.js";
import { cnpjFor, newCnpjRoot } from "../../support/referral-factory.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

type Summary = { id: string; companyName: string; status: string; assignee: { id: string } | null };

/** The export's lines, without the BOM spreadsheet apps need. */
const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");

describe("back-office referral list, export and assignment", () => {
  let t: TestApp;
  let slug: string;
  let organizationId: string;
  let sales: Auth;
  let salesId: string;
  const tag = unique("lista");
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    const { program, scope } = await makeProgram(t.ctx.db);
    ({ slug } = program);
    ({ organizationId } = scope);
    const signedIn = await signInAs(t, organizationId, "sales");
    sales = signedIn.auth;
    salesId = signedIn.staff.id;
    for (const letter of ["C", "A", "E", "B", "D"]) {
      ids.push(
        await submitChecked(t, slug, {
          companyName: `${letter} ${tag} Comércio`,
          companyCnpj: cnpjFor(newCnpjRoot()),
        }),
      );
    }
    await moveOk(t, sales, ids[0]!, "not_qualified", "outside_profile");
  });
  afterAll(() => t.close());

  const list = async (query: string) => {
    const response = await call(t, sales, "GET", `/api/admin/referrals?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Summary[]; nextCursor: string | null };
  };

  it("pages by keyset without gaps or repeats, in the chosen order", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(
        `q=${tag}&sort=companyName&order=asc&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.items.map((i) => i.companyName[0]!));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["A", "B", "C", "D", "E"]);
    const newestFirst = await list(`q=${tag}`);
    expect(newestFirst.items.map((i) => i.id)).toEqual([...ids].reverse());
  });

  it("filters by status, reason, text (company or CNPJ digits) and assignee", async () => {
    expect((await list(`q=${tag}&status=not_qualified`)).items.map((i) => i.id)).toEqual([ids[0]]);
    expect((await list(`q=${tag}&reason=outside_profile`)).items).toHaveLength(1);
    expect((await list(`q=${tag}&status=qualified`)).items).toHaveLength(0);
    const [first] = (await list(`q=${tag}&limit=1`)).items;
    const detail = (await call(t, sales, "GET", `/api/admin/referrals/${first!.id}`)).json();
    const punctuated = detail.companyCnpj.replace(/^(..)(...)(...)(....)(..)$/, "$1.$2.$3/$4-$5");
    expect((await list(`q=${encodeURIComponent(punctuated)}`)).items.map((i) => i.id)).toEqual([first!.id]);

    const assigned = await call(t, sales, "PATCH", `/api/admin/referrals/${ids[1]}`, { assigneeId: salesId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assignee).toMatchObject({ id: salesId, name: "Staff Person" });
    expect((await list(`q=${tag}&assigneeId=${salesId}`)).items.map((i) => i.id)).toEqual([ids[1]]);
    expect((await list(`q=${tag}&assigneeId=none`)).items).toHaveLength(4);
  });

  it("refuses a support person as assignee, a forged cursor and an unknown filter value", async () => {
    const support = await signInAs(t, organizationId, "support");
    const response = await call(t, sales, "PATCH", `/api/admin/referrals/${ids[2]}`, {
      assigneeId: support.staff.id,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields.assigneeId).toBeDefined();
    expect(
      (await call(t, sales, "GET", "/api/admin/referrals?cursor=bm9wZQ")).json().error.fields.cursor,
    ).toBeDefined();
    expect((await call(t, sales, "GET", "/api/admin/referrals?status=won")).statusCode).toBe(422);
    expect((await call(t, sales, "GET", "/api/admin/referrals?from=2026-13-01")).statusCode).toBe(422);
  });

  it("filters by creation date in the program's time zone", async () => {
    expect((await list(`q=${tag}&from=2000-01-01&to=2000-12-31`)).items).toHaveLength(0);
    expect((await list(`q=${tag}&from=2000-01-01`)).items).toHaveLength(5);
  });

  it("exports the filtered list as CSV, with formulas defused", async () => {
    const risky = await submitChecked(t, slug, { companyName: `=HYPERLINK("x") ${tag}` });
    const response = await call(
      t,
      sales,
      "GET",
      `/api/admin/referrals/export.csv?q=${tag}&sort=companyName&order=asc`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="indicacoes-/);
    const lines = csvLines(response.body);
    expect(lines[0]).toBe(
      "ID;Criada em;Status;Motivo;Empresa;CNPJ;Contato;E-mail do contato;Indicador;E-mail do indicador;Responsável;Atualizada em",
    );
    expect(lines).toHaveLength(7);
    expect(lines.find((l) => l.startsWith(ids[0]!))).toContain(
      "Lead não qualificado;Fora das características mínimas",
    );
    expect(lines.find((l) => l.startsWith(risky))).toContain(`"'=HYPERLINK(""x"") ${tag}"`);
    // Times as the pages write them, in the program's time zone (the demo template's São Paulo).
    const { createdAt } = (await call(t, sales, "GET", `/api/admin/referrals/${ids[0]}`)).json();
    const created = formatDateTime(createdAt, "pt-BR", "America/Sao_Paulo");
    expect(created).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(lines.find((l) => l.startsWith(ids[0]!))).toContain(`${ids[0]};${created};`);
  });

  it("exports in the reader's language: headers, statuses, reasons and dates", async () => {
    const response = await call(t, sales, "GET", `/api/admin/referrals/export.csv?q=${tag}&lang=en`);
    const lines = csvLines(response.body);
    expect(lines[0]).toBe(
      "ID;Created;Status;Reason;Company;CNPJ;Contact;Contact e-mail;Referrer;Referrer e-mail;Assignee;Updated",
    );
    const { createdAt } = (await call(t, sales, "GET", `/api/admin/referrals/${ids[0]}`)).json();
    const line = lines.find((l) => l.startsWith(ids[0]!));
    expect(line).toContain(`${ids[0]};${formatDateTime(createdAt, "en", "America/Sao_Paulo")};`);
    expect(line).toContain("Lead not qualified;Outside the minimum profile");
  });

  it("lists the organization's active staff by role", async () => {
    const response = await call(t, sales, "GET", "/api/admin/staff?role=sales");
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { id: string; role: string }[];
    expect(items.map((i) => i.id)).toContain(salesId);
    expect(items.every((i) => i.role === "sales")).toBe(true);
  });
});
