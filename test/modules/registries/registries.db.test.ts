import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findCustomerMatch,
  findPartnerCustomerMatch,
  findPipelineMatch,
  type ImportReport,
  type RegistryMatchKeys,
  registryCounts,
} from "../../../src/modules/registries/index.js";
import type { StaffRole } from "../../../src/modules/staff/schema.js";
import { auditLog } from "../../../src/platform/audit/schema.js";
import { normalizeCompanyName } from "../../../src/shared/company-name.js";
import { makeOrganization, makeStaff, signInAsStaff } from "../../support/factories.js";
import { cnpjFor, newCnpjRoot } from "../../support/referral-factory.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

const bom = Buffer.from([0xef, 0xbb, 0xbf]);
const noKeys: RegistryMatchKeys = { cnpjRoot: null, domain: null, nameNormalized: "", email: "" };
const keys = (given: Partial<RegistryMatchKeys>): RegistryMatchKeys => ({ ...noKeys, ...given });

describe("registries: CSV import and the lookups intake uses", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A fresh organization with a signed-in member of `role`. */
  async function organizationWith(role: StaffRole = "admin") {
    const organization = await makeOrganization(t.ctx.db);
    const staff = await makeStaff(t.ctx.db, organization.id, role);
    const session = await signInAsStaff(t.app, staff.email);
    return { scope: { organizationId: organization.id }, session };
  }
  type Session = Awaited<ReturnType<typeof signInAsStaff>>;

  function upload(session: Session | null, kind: string, body: string | Buffer, contentType = "text/csv") {
    return t.app.inject({
      method: "POST",
      url: `/api/admin/registries/${kind}/import`,
      headers: {
        "content-type": contentType,
        ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrfToken } : {}),
      },
      payload: body,
    });
  }

  async function importOk(session: Session, kind: string, body: string | Buffer): Promise<ImportReport> {
    const response = await upload(session, kind, body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  it("imports a `;` file with pt-BR headers in Windows-1252 (Excel's default), and the lookups find it", async () => {
    const { scope, session } = await organizationWith();
    const [active, churned] = [newCnpjRoot(), newCnpjRoot()];
    const csv = [
      "CNPJ;Razão Social;Domínio;Status;Data_Cancelamento",
      `${formatted(cnpjFor(active))};Padaria São João Ltda;https://www.SaoJoao.com.br/contato;Ativo;`,
      `${cnpjFor(churned, "0002")};Mercado Estrela S.A.;;cancelado;15/03/2026`,
      ";Oficina do Zé;oficina-ze.com.br;ativo;",
      ";Loja Sem Site ME;;inativo;2025-12-01",
    ].join("\r\n");
    const report = await importOk(session, "customers", Buffer.from(csv, "latin1"));
    expect(report).toEqual({ inserted: 4, updated: 0, rejected: 0, total: 4, errors: [] });

    expect(await findCustomerMatch(t.ctx.db, scope, keys({ cnpjRoot: active }))).toMatchObject({
      cnpj: cnpjFor(active),
      name: "Padaria São João Ltda",
      nameNormalized: normalizeCompanyName("Padaria Sao Joao"),
      domain: "saojoao.com.br",
      status: "active",
      churnedOn: null,
    });
    expect(await findCustomerMatch(t.ctx.db, scope, keys({ cnpjRoot: churned }))).toMatchObject({
      status: "churned",
      churnedOn: "2026-03-15",
    });
    expect(await findCustomerMatch(t.ctx.db, scope, keys({ domain: "oficina-ze.com.br" }))).toMatchObject({
      entryKey: "domain:oficina-ze.com.br",
    });
    const lojaSemSite = normalizeCompanyName("Loja Sem Site");
    expect(await findCustomerMatch(t.ctx.db, scope, keys({ nameNormalized: lojaSemSite }))).toMatchObject({
      entryKey: `name:${lojaSemSite}`,
      churnedOn: "2025-12-01",
    });
    expect(
      await findCustomerMatch(t.ctx.db, scope, keys({ nameNormalized: normalizeCompanyName("Padaria") })),
    ).toBeNull();
  });

  it("imports a `,` pipeline file with English headers and takes the company domain from the e-mail", async () => {
    const { scope, session } = await organizationWith();
    const root = newCnpjRoot();
    const csv = [
      "Email,Entered_On,CNPJ,Domain",
      `lead@acme-pipeline.com.br,01/02/2026,,`,
      `pessoa@gmail.com,2026-02-10,,`,
      `,2026-01-05,"${formatted(cnpjFor(root))}",`,
      `,2026-01-07,,"beta-pipeline.com"`,
    ].join("\n");
    const report = await importOk(session, "pipeline", csv);
    expect(report).toMatchObject({ inserted: 4, updated: 0, rejected: 0, total: 4 });

    expect(await findPipelineMatch(t.ctx.db, scope, keys({ domain: "acme-pipeline.com.br" }))).toMatchObject({
      entryKey: "domain:acme-pipeline.com.br",
      email: "lead@acme-pipeline.com.br",
      enteredOn: "2026-02-01",
    });
    // A personal mailbox names no company: only that very address matches.
    expect(await findPipelineMatch(t.ctx.db, scope, keys({ domain: "gmail.com" }))).toBeNull();
    expect(await findPipelineMatch(t.ctx.db, scope, keys({ email: "Pessoa@Gmail.com" }))).toMatchObject({
      entryKey: "email:pessoa@gmail.com",
      domain: null,
    });
    expect(await findPipelineMatch(t.ctx.db, scope, keys({ cnpjRoot: root }))).toMatchObject({
      enteredOn: "2026-01-05",
    });
  });

  it("accepts the alphanumeric CNPJ, stored upper-case without punctuation, from a UTF-8 file with a BOM", async () => {
    const { scope, session } = await organizationWith();
    const csv = Buffer.concat([bom, Buffer.from("CNPJ;Nome\n12.abc.345/01de-35;Parceiro Ação\n")]);
    const report = await importOk(session, "partner-customers", csv);
    expect(report).toMatchObject({ inserted: 1, rejected: 0 });
    expect(await findPartnerCustomerMatch(t.ctx.db, scope, keys({ cnpjRoot: "12ABC345" }))).toMatchObject({
      entryKey: "12ABC34501DE35",
      cnpj: "12ABC34501DE35",
      cnpjRoot: "12ABC345",
      name: "Parceiro Ação",
    });
  });

  it("reports bad rows by line and field while the good rows import", async () => {
    const { scope, session } = await organizationWith();
    const good = [newCnpjRoot(), newCnpjRoot(), newCnpjRoot()];
    const csv = [
      "cnpj;nome;status;data_cancelamento",
      `${cnpjFor(good[0]!)};Boa Um;ativo;`,
      "11.222.333/0001-82;Digito Errado;ativo;",
      `${cnpjFor(newCnpjRoot())};Status Estranho;pausado;`,
      `${cnpjFor(newCnpjRoot())};Saiu Sem Data;inativo;`,
      ";;ativo;",
      `${cnpjFor(good[1]!)};Empresa "Aspas" Ltda;ativo;`,
      `${cnpjFor(newCnpjRoot())};Data Ruim;churned;31/02/2026`,
      "",
      `${cnpjFor(good[2]!)};Boa Tres;inativo;2026-01-31`,
      `${cnpjFor(newCnpjRoot())};"Aspas sem fim;ativo;`,
    ].join("\n");
    const report = await importOk(session, "customers", csv);
    expect(report).toMatchObject({ inserted: 3, updated: 0, rejected: 6, total: 9 });
    expect(report.errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 3, field: "cnpj", code: "cnpj_invalid" },
      { line: 4, field: "status", code: "status_invalid" },
      { line: 5, field: "churned_on", code: "date_required" },
      { line: 6, field: "row", code: "identifier_required" },
      { line: 8, field: "churned_on", code: "date_invalid" },
      { line: 11, field: "row", code: "row_unreadable" },
    ]);
    expect(report.errors[0]).toMatchObject({ value: "11.222.333/0001-82", message: expect.any(String) });
    for (const root of good) {
      expect(await findCustomerMatch(t.ctx.db, scope, keys({ cnpjRoot: root }))).not.toBeNull();
    }
    expect(await findCustomerMatch(t.ctx.db, scope, keys({ cnpjRoot: good[1]! }))).toMatchObject({
      name: 'Empresa "Aspas" Ltda',
    });
    expect(await registryCounts(t.ctx.db, scope)).toEqual({ customers: 3, pipeline: 0, partnerCustomers: 0 });
  });

  it("a NUL character in a value is that row's error, and the rest of the file imports", async () => {
    const { scope, session } = await organizationWith();
    const [good, bad] = [newCnpjRoot(), newCnpjRoot()];
    const customers = [
      "cnpj;nome;status",
      `${cnpjFor(bad)};Nul\u0000 Ltda;ativo`,
      `${cnpjFor(good)};Boa Ltda;ativo`,
      `${cnpjFor(newCnpjRoot())};Outra;ati\u0000vo`,
    ].join("\n");
    const report = await importOk(session, "customers", customers);
    expect(report).toMatchObject({ inserted: 1, rejected: 2, total: 3 });
    expect(report.errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 2, field: "name", code: "value_has_nul" },
      { line: 4, field: "status", code: "value_has_nul" },
    ]);
    expect(await findCustomerMatch(t.ctx.db, scope, keys({ cnpjRoot: good }))).not.toBeNull();
    expect(await findCustomerMatch(t.ctx.db, scope, keys({ cnpjRoot: bad }))).toBeNull();
    const pipeline = [
      "email;data_entrada",
      "a\u0000@empresa-nul.com.br;2026-01-10",
      "b@empresa-ok.com.br;2026-01-10",
    ];
    const pipelineReport = await importOk(session, "pipeline", pipeline.join("\n"));
    expect(pipelineReport).toMatchObject({ inserted: 1, rejected: 1 });
    expect(pipelineReport.errors[0]).toMatchObject({ line: 2, field: "email", code: "value_has_nul" });
  });

  it("importing a file again updates its rows instead of duplicating them", async () => {
    const { scope, session } = await organizationWith();
    const roots = [newCnpjRoot(), newCnpjRoot()];
    const file = (status: string) =>
      [
        "cnpj;dominio;status;data_cancelamento",
        `${cnpjFor(roots[0]!)};primeira.com.br;ativo;`,
        `${cnpjFor(roots[1]!)};segunda.com.br;${status};01/06/2026`,
        ";terceira.com.br;ativo;",
      ].join("\n");
    expect(await importOk(session, "customers", file("ativo"))).toMatchObject({ inserted: 3, updated: 0 });
    expect(await importOk(session, "customers", file("inativo"))).toMatchObject({ inserted: 0, updated: 3 });
    expect((await registryCounts(t.ctx.db, scope)).customers).toBe(3);
    expect(await findCustomerMatch(t.ctx.db, scope, keys({ cnpjRoot: roots[1]! }))).toMatchObject({
      status: "churned",
      churnedOn: "2026-06-01",
    });
    // A later file that leaves the domain blank keeps the one intake matches on.
    const statusOnly = `cnpj;status;data_cancelamento\n${cnpjFor(roots[0]!)};inativo;01/07/2026\n`;
    expect(await importOk(session, "customers", statusOnly)).toMatchObject({ updated: 1, rejected: 0 });
    expect(await findCustomerMatch(t.ctx.db, scope, keys({ domain: "primeira.com.br" }))).toMatchObject({
      cnpjRoot: roots[0],
      status: "churned",
    });
  });

  it("a company listed twice in one file is stored once, the later line winning", async () => {
    const { scope, session } = await organizationWith();
    const root = newCnpjRoot();
    const csv = `cnpj;status;data_cancelamento\n${cnpjFor(root)};ativo;\n${cnpjFor(root, "0002")};inativo;2026-01-01\n${cnpjFor(root)};inativo;2026-02-01\n`;
    expect(await importOk(session, "customers", csv)).toMatchObject({ inserted: 2, updated: 1, total: 3 });
    expect(await findCustomerMatch(t.ctx.db, scope, keys({ cnpjRoot: root }))).toMatchObject({
      status: "churned",
      churnedOn: "2026-02-01",
    });
  });

  it("the domain and the name match only when one side has no CNPJ", async () => {
    const { scope, session } = await organizationWith();
    const [registered, other] = [newCnpjRoot(), newCnpjRoot()];
    await importOk(
      session,
      "partner-customers",
      `cnpj;nome;dominio\n${cnpjFor(registered)};Mercado Central;mercado-central.com.br\n;Farmácia Vida;vida.com.br\n`,
    );
    const sameName = {
      nameNormalized: normalizeCompanyName("Mercado Central"),
      domain: "mercado-central.com.br",
    };
    expect(await findPartnerCustomerMatch(t.ctx.db, scope, keys(sameName))).not.toBeNull();
    expect(
      await findPartnerCustomerMatch(t.ctx.db, scope, keys({ ...sameName, cnpjRoot: other })),
    ).toBeNull();
    expect(
      await findPartnerCustomerMatch(
        t.ctx.db,
        scope,
        keys({ cnpjRoot: other, nameNormalized: normalizeCompanyName("Farmacia Vida") }),
      ),
    ).toMatchObject({ entryKey: "domain:vida.com.br" });
  });

  it("refuses an empty file, a file without a header line and an unknown registry", async () => {
    const { session } = await organizationWith();
    const empty = await upload(session, "customers", "");
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error).toMatchObject({ code: "csv_empty", fields: { file: [expect.any(String)] } });

    const headerless = await upload(session, "customers", `${cnpjFor(newCnpjRoot())};ativo\n`);
    expect(headerless.statusCode).toBe(422);
    expect(headerless.json().error.code).toBe("csv_header_invalid");
    expect(headerless.json().error.message).toMatch(/first line must name the columns/);

    const noStatus = await upload(session, "customers", "cnpj;nome\n");
    expect(noStatus.statusCode).toBe(422);
    expect(noStatus.json().error.message).toMatch(/status/);

    const unknown = await upload(session, "suppliers", "cnpj\n");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("registry_not_found");

    const json = await upload(session, "customers", JSON.stringify({ cnpj: "x" }), "application/json");
    expect(json.statusCode).toBe(415);
  });

  it("refuses a file declared larger than 50 MB with 413 before reading it", async () => {
    const { session } = await organizationWith();
    const headers = { cookie: session.cookie, "x-csrf-token": session.csrfToken, "content-type": "text/csv" };
    const declared = await t.app.inject({
      method: "POST",
      url: "/api/admin/registries/customers/import",
      headers: { ...headers, "content-length": String(51 * 1024 * 1024) },
      payload: "cnpj;status\n",
    });
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.code).toBe("body_too_large");
  });

  it("records each import in the audit log", async () => {
    const { scope, session } = await organizationWith();
    await importOk(session, "partner-customers", `cnpj\n${cnpjFor(newCnpjRoot())}\n`);
    const [entry] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.organizationId, scope.organizationId), eq(auditLog.action, "registry.imported")),
      );
    expect(entry).toMatchObject({
      actorKind: "staff",
      subjectType: "registry",
      subjectId: "partner-customers",
      data: { inserted: 1, updated: 0, rejected: 0, total: 1 },
    });
  });

  it("another organization neither sees nor matches these rows", async () => {
    const a = await organizationWith();
    const b = await organizationWith();
    const root = newCnpjRoot();
    const csv = `cnpj;nome;dominio;status\n${cnpjFor(root)};Empresa Isolada;isolada.com.br;ativo\n`;
    await importOk(a.session, "customers", csv);
    await importOk(
      a.session,
      "pipeline",
      `cnpj;email;data_entrada\n${cnpjFor(root)};x@isolada.com.br;2026-01-01\n`,
    );
    await importOk(a.session, "partner-customers", `cnpj\n${cnpjFor(root)}\n`);
    const all = keys({
      cnpjRoot: root,
      domain: "isolada.com.br",
      nameNormalized: normalizeCompanyName("Empresa Isolada"),
      email: "x@isolada.com.br",
    });
    expect(await findCustomerMatch(t.ctx.db, b.scope, all)).toBeNull();
    expect(await findPipelineMatch(t.ctx.db, b.scope, all)).toBeNull();
    expect(await findPartnerCustomerMatch(t.ctx.db, b.scope, all)).toBeNull();

    const counts = (session: Session) =>
      t.app.inject({ method: "GET", url: "/api/admin/registries", headers: { cookie: session.cookie } });
    expect((await counts(a.session)).json()).toEqual({ customers: 1, pipeline: 1, partnerCustomers: 1 });
    expect((await counts(b.session)).json()).toEqual({ customers: 0, pipeline: 0, partnerCustomers: 0 });
    // The same file in the other organization makes its own row, not an update of the first one's.
    expect(await importOk(b.session, "customers", csv)).toMatchObject({ inserted: 1, updated: 0 });
  });

  it("only owners and admins may import or read the counts; anonymous callers must sign in", async () => {
    for (const role of ["sales", "support"] as const) {
      const { session } = await organizationWith(role);
      expect((await upload(session, "customers", "cnpj;status\n")).statusCode, role).toBe(403);
      const counts = await t.app.inject({
        method: "GET",
        url: "/api/admin/registries",
        headers: { cookie: session.cookie },
      });
      expect(counts.statusCode, role).toBe(403);
    }
    const owner = await organizationWith("owner");
    expect((await upload(owner.session, "customers", "cnpj;status\n")).statusCode).toBe(200);
    expect((await upload(null, "customers", "cnpj;status\n")).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/admin/registries" })).statusCode).toBe(401);
    const withoutCsrf = await upload({ ...owner.session, csrfToken: "forged" }, "customers", "cnpj;status\n");
    expect(withoutCsrf.statusCode).toBe(403);
  });

  it("imports a 20,000-row file and the lookups find its first, middle and last rows", async () => {
    const { scope, session } = await organizationWith();
    const roots = Array.from({ length: 20_000 }, (_, i) => String(10_000_000 + i * 7));
    const lines = roots.map((root, i) =>
      i % 2 === 0
        ? `${cnpjFor(root)};Empresa ${i};empresa-${i}.com.br;ativo;`
        : `${cnpjFor(root)};Empresa ${i};;inativo;01/01/2026`,
    );
    const csv = `cnpj;nome;dominio;status;data_cancelamento\n${lines.join("\n")}\n`;
    const report = await importOk(session, "customers", csv);
    expect(report).toMatchObject({ inserted: 20_000, updated: 0, rejected: 0, total: 20_000 });
    expect((await registryCounts(t.ctx.db, scope)).customers).toBe(20_000);
    for (const i of [0, 10_001, 19_999]) {
      const match = await findCustomerMatch(t.ctx.db, scope, keys({ cnpjRoot: roots[i]! }));
      expect(match, `row ${i}`).toMatchObject({
        name: `Empresa ${i}`,
        status: i % 2 === 0 ? "active" : "churned",
      });
    }
    expect(await findCustomerMatch(t.ctx.db, scope, keys({ domain: "empresa-12344.com.br" }))).toMatchObject({
      name: "Empresa 12344",
    });
  });
});

/** 11222333000181 → 11.222.333/0001-81, as spreadsheets show it. */
function formatted(cnpj: string): string {
  return `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;
}
