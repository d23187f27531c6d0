// Issue 16.11 (first part): mail that cannot be parsed (10,000 parts, nesting 2,000 deep, 5 MB of
// headers) stayed "received" with no organization forever. It is now failed at once, with the reason,
// for the organization it was sent to, listed for its agents and for owners by `corrente inbound failed`.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inboundFailedCommand, parseInboundArgs } from "../../src/modules/inbound/failed-command.js";
import { getOrganizationOrThrow } from "../../src/modules/programs/index.js";
import { call } from "../support/back-office.js";
import { makeHelpdesk } from "../support/helpdesk.js";
import { deliverEmail, INBOUND_SECRET } from "../support/inbound-mail.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

function head(to: string) {
  const id = `<${crypto.randomUUID()}@hostile.example>`;
  return `From: a@hostile.example\r\nTo: ${to}\r\nSubject: hostile\r\nMessage-ID: ${id}\r\nMIME-Version: 1.0\r\n`;
}

const hostile = {
  "10,000 parts": (to: string) => {
    const parts = Array.from({ length: 10_000 }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\n${i}\r\n`);
    return `${head(to)}Content-Type: multipart/mixed; boundary="b"\r\n\r\n${parts.join("")}--b--\r\n`;
  },
  "nesting 2,000 deep": (to: string) => {
    let open = "";
    let close = "";
    for (let i = 0; i < 2000; i++) {
      open += `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`;
      close = `--b${i}--\r\n${close}`;
    }
    const leaf = `--b2000\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b2000--\r\n`;
    return `${head(to)}Content-Type: multipart/mixed; boundary="b0"\r\n\r\n${open}${leaf}${close}`;
  },
  "5 MB of headers": (to: string) => {
    const filler = `X-Filler: ${"a".repeat(990)}\r\n`.repeat(5 * 1024);
    return `${head(to)}${filler}Content-Type: text/plain\r\n\r\nhi\r\n`;
  },
};

describe("mail that cannot be parsed", () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeHelpdesk>>;
  beforeAll(async () => {
    t = await createTestApp({ INBOUND_SECRET });
    desk = await makeHelpdesk(t);
  });
  afterAll(() => t.close());

  it("is recorded as failed with the reason, once, for the organization it was sent to", async () => {
    const to = `${desk.program.slug}@${t.ctx.mail.replyDomain}`;
    const failed = [];
    for (const [name, build] of Object.entries(hostile)) {
      const row = await deliverEmail(t, Buffer.from(build(to)));
      expect(row, name).toMatchObject({
        status: "failed",
        outcome: expect.stringMatching(/^unparseable: .*exceeded/),
        organizationId: desk.scope.organizationId,
        attempts: 1,
      });
      failed.push(row.id);
    }
    const list = await call(t, desk.agent, "GET", "/api/admin/inbound?status=failed");
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual(failed.sort());
  });

  it("`corrente inbound failed` lists them, newest first, with the organization and the reason", async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    try {
      const organization = await getOrganizationOrThrow(t.ctx.db, desk.scope);
      await inboundFailedCommand(t.ctx, parseInboundArgs(["failed", "--organization", organization.slug]));
    } finally {
      log.mockRestore();
    }
    expect(printed[0]).toBe("3 received e-mails failed:");
    expect(printed.filter((line) => line.includes("unparseable:"))).toHaveLength(3);
    expect(printed[1]).toContain(" http ");
    expect(() => parseInboundArgs(["failed", "--limit", "0"])).toThrow(/Usage: corrente inbound failed/);
    expect(() => parseInboundArgs(["retry"])).toThrow(/Usage/);
  });
});
