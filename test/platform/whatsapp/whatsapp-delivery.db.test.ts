import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../../src/platform/db/transaction.js";
import { whatsappOutbox } from "../../../src/platform/whatsapp/schema.js";
import { enqueueWhatsApp } from "../../../src/platform/whatsapp/whatsapp-outbox.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

type Received = { url: string; authorization: string; body: Record<string, unknown> };

/** A stand-in for the WhatsApp Cloud API: records requests, answers what the test says. */
function fakeCloudApi(answer: () => { status: number; body: unknown }) {
  const received: Received[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    received.push({
      url: req.url ?? "",
      authorization: req.headers.authorization ?? "",
      body: JSON.parse(raw),
    });
    const { status, body } = answer();
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  return { server, received };
}

describe("WhatsApp Cloud API delivery", () => {
  let t: TestApp;
  let nextAnswer = { status: 200, body: { messages: [{ id: "wamid.TEST1" }] } as unknown };
  const api = fakeCloudApi(() => nextAnswer);
  beforeAll(async () => {
    await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
    const { port } = api.server.address() as AddressInfo;
    t = await createTestApp({
      WHATSAPP_API_URL: `http://127.0.0.1:${port}/v21.0`,
      WHATSAPP_ACCESS_TOKEN: "test-access-token",
      WHATSAPP_PHONE_NUMBER_ID: "1234567890",
    });
  });
  afterAll(async () => {
    await t.close();
    api.server.close();
  });

  const enqueue = () =>
    inTransaction(t.ctx.db, (tx) =>
      enqueueWhatsApp(tx, t.ctx, {
        toPhone: "+5511987654321",
        templateName: "corrente_reward_offer",
        parameters: ["Rita", "Empresa X", "março de 2027", "http://corrente.test/portal/rewards"],
        text: "Parabéns, Rita!",
        locale: "pt-BR",
      }),
    );

  it("sends an approved template to the message endpoint and records the provider's id", async () => {
    const queued = await enqueue();
    await t.drainJobs();
    const request = api.received.at(-1)!;
    expect(request.url).toBe("/v21.0/1234567890/messages");
    expect(request.authorization).toBe("Bearer test-access-token");
    expect(request.body).toMatchObject({
      messaging_product: "whatsapp",
      to: "5511987654321",
      type: "template",
      template: {
        name: "corrente_reward_offer",
        language: { code: "pt_BR" },
        components: [{ type: "body", parameters: [{ type: "text", text: "Rita" }, {}, {}, {}] }],
      },
    });
    const [row] = await t.ctx.db.select().from(whatsappOutbox).where(eq(whatsappOutbox.id, queued!.outboxId));
    expect(row).toMatchObject({ status: "sent", providerMessageId: "wamid.TEST1", attempts: 1 });
  });

  it("a refusal (4xx) is recorded as failed and not retried", async () => {
    nextAnswer = { status: 400, body: { error: { message: "Template name does not exist", code: 132001 } } };
    const before = api.received.length;
    const queued = await enqueue();
    await t.drainJobs();
    await t.drainJobs();
    expect(api.received.length - before).toBe(1);
    const [row] = await t.ctx.db.select().from(whatsappOutbox).where(eq(whatsappOutbox.id, queued!.outboxId));
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.lastError).toContain("Template name does not exist");
  });

  it("writes nothing for a phone number that is not in international form", async () => {
    const result = await inTransaction(t.ctx.db, (tx) =>
      enqueueWhatsApp(tx, t.ctx, {
        toPhone: "11 98765-4321",
        templateName: "x",
        parameters: [],
        text: "",
        locale: "en",
      }),
    );
    expect(result).toBeNull();
  });
});
