// Security review (issue 16.11): a chunked upload over 50 MB was refused only after about 10 s, with
// the valid rows before the limit already committed; a malformed 50 MB CSV stalled the web process
// for up to 2 s. Now an upload is refused as soon as its bytes pass the limit, nothing is written
// unless the whole import succeeds, and parsing gives the event loop a turn every 64 KB.
import { createReadStream, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCustomerMatch, importRegistry, registryCounts } from "../../../src/modules/registries/index.js";
import { makeOrganization, makeStaff, signInAsStaff } from "../../support/factories.js";
import { cnpjFor, newCnpjRoot } from "../../support/referral-factory.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

const MB = 1024 * 1024;

describe("registry imports: size limit, event loop and all-or-nothing", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function organization() {
    const org = await makeOrganization(t.ctx.db);
    const staff = await makeStaff(t.ctx.db, org.id, "admin");
    return { scope: { organizationId: org.id }, session: await signInAsStaff(t.app, staff.email) };
  }
  type Session = Awaited<ReturnType<typeof signInAsStaff>>;

  const upload = (session: Session, payload: string | Buffer | Readable) =>
    t.app.inject({
      method: "POST",
      url: "/api/admin/registries/customers/import",
      headers: { "content-type": "text/csv", cookie: session.cookie, "x-csrf-token": session.csrfToken },
      payload,
    });

  const customerRows = (count: number, prefix = "Empresa") =>
    Array.from({ length: count }, (_, i) => `${cnpjFor(newCnpjRoot())};${prefix} ${i};ativo`).join("\n");

  it("a chunked upload over 50 MB is refused with 413 at once, and none of its valid rows is kept", async () => {
    const { scope, session } = await organization();
    const header = Buffer.from("cnpj;nome;status\n");
    const block = Buffer.from(`${customerRows(2000)}\n`);
    let sent = 0;
    // No Content-Length: the size is known only by counting, as with `Transfer-Encoding: chunked`.
    const body = new Readable({
      read() {
        const chunk = sent === 0 ? header : sent > 60 * MB ? null : block;
        sent += chunk?.length ?? 0;
        this.push(chunk);
      },
    });
    const response = await upload(session, body);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("body_too_large");
    // Refused as the limit passed: the rest of the body was never asked for (no clock: CI times nothing).
    expect(sent).toBeLessThan(52 * MB);
    expect((await registryCounts(t.ctx.db, scope)).customers).toBe(0);
  }, 30_000);

  it("a malformed large CSV does not stall other requests while it is read", async () => {
    const { session } = await organization();
    // Every row is refused (bad CNPJ, bad status, stray quotes), and the whole body arrives as one chunk.
    const line = 'x"12.345;Empresa "quebrada;talvez\n00000000000000;;???\n';
    const body = Buffer.from(`cnpj;nome;status\n${line.repeat(Math.ceil((12 * MB) / line.length))}`);
    // Health checks keep being answered while the file is read: counted, not timed (CI times nothing).
    // A parse that held the event loop (22 s on the old code) lets at most the first one through.
    let answeredWhileImporting = 0;
    let isImporting = true;
    const probing = (async () => {
      while (isImporting) {
        const health = await t.app.inject({ method: "GET", url: "/healthz" });
        expect(health.statusCode).toBe(200);
        if (isImporting) answeredWhileImporting += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const response = await upload(session, body);
    isImporting = false;
    await probing;
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ inserted: 0, updated: 0 });
    expect(response.json().rejected).toBeGreaterThan(200_000);
    expect(answeredWhileImporting).toBeGreaterThan(5);
  }, 120_000);

  it("an upload that fails after several batches leaves the registry as it was", async () => {
    const { scope, session } = await organization();
    const kept = newCnpjRoot();
    const before = await upload(session, `cnpj;nome;status\n${cnpjFor(kept)};Nome Original;ativo\n`);
    expect(before.statusCode).toBe(200);
    // 5,000 good rows (ten batches of writes), an update of the kept row, then a line no CSV has.
    const failing = [
      "cnpj;nome;status",
      customerRows(5000),
      `${cnpjFor(kept)};Nome Trocado;inativo`,
      `${cnpjFor(newCnpjRoot())};${"x".repeat(70_000)};ativo`,
      customerRows(10),
    ].join("\n");
    // Sent in 64 KB pieces, as a socket delivers it: the rows before the bad line are read first.
    const pieces = Buffer.from(failing);
    const chunks = Array.from({ length: Math.ceil(pieces.length / 65_536) }, (_, i) =>
      pieces.subarray(i * 65_536, (i + 1) * 65_536),
    );
    const response = await upload(session, Readable.from(chunks));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe("csv_unreadable");
    expect((await registryCounts(t.ctx.db, scope)).customers).toBe(1);
    const match = await findCustomerMatch(t.ctx.db, scope, {
      cnpjRoot: kept,
      domain: null,
      nameNormalized: "",
      email: "",
    });
    expect(match).toMatchObject({ name: "Nome Original", status: "active" });
  });

  it("the command line's import (a file) is all-or-nothing too", async () => {
    const { scope } = await organization();
    const folder = await mkdtemp(path.join(tmpdir(), "corrente-import-test-"));
    try {
      const file = path.join(folder, "customers.csv");
      writeFileSync(file, `cnpj;nome;status\n${customerRows(1200)}\n${"y".repeat(70_000)}\n`);
      await expect(
        importRegistry(t.ctx.db, scope, "customers", createReadStream(file)),
      ).rejects.toMatchObject({
        code: "csv_unreadable",
      });
      expect((await registryCounts(t.ctx.db, scope)).customers).toBe(0);
      writeFileSync(file, `cnpj;nome;status\n${customerRows(1200)}\n`);
      const report = await importRegistry(t.ctx.db, scope, "customers", createReadStream(file));
      expect(report).toMatchObject({ inserted: 1200, rejected: 0 });
      expect((await registryCounts(t.ctx.db, scope)).customers).toBe(1200);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
