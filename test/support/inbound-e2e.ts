// What the inbound browser tests share: mail delivered as the provider posts it, a relay's verdict on
// the sender (the server trusts RELAY's Authentication-Results: no DNS from a test), and waiting for
// the processing job through an admin list.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { INBOUND_SECRET } from "./inbound-mail.js";
import type { ServerProcess } from "./server-process.js";

export const RELAY = "mx.corrente.test";

/** The server's environment for these tests. */
export const inboundServerEnv = (replyDomain: string) => ({
  INBOUND_SECRET,
  MAIL_REPLY_DOMAIN: replyDomain,
  INBOUND_TRUSTED_AUTHSERV_ID: RELAY,
});

/** The relay's verdict on top of a message: its From domain passed DMARC. */
export function verifiedByRelay(raw: Buffer, domain: string): Buffer {
  return Buffer.concat([
    Buffer.from(`Authentication-Results: ${RELAY}; dmarc=pass header.from=${domain}\r\n`),
    raw,
  ]);
}

/** What the mail provider does: POST the raw message to the HTTP door. */
export async function deliver(server: ServerProcess, raw: Buffer) {
  const response = await fetch(`${server.url}/api/inbound/email`, {
    method: "POST",
    headers: { "content-type": "message/rfc822", "x-inbound-secret": INBOUND_SECRET },
    body: raw,
  });
  expect(response.status, await response.clone().text()).toBe(202);
}

/** Processing runs in a job: polls an admin list (with the page's session) until it holds `count` rows. */
export async function waitForItems(server: ServerProcess, page: Page, apiPath: string, count: number) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const response = await page.request.get(`${server.url}${apiPath}`);
    expect(response.status()).toBe(200);
    if (((await response.json()) as { items: unknown[] }).items.length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${apiPath} did not reach ${count} item(s) in 15 s`);
}

/** Signs a staff member in through the login page. */
export async function signInStaff(server: ServerProcess, page: Page, email: string, password: string) {
  await page.goto(`${server.url}/admin/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.waitForURL(`${server.url}/admin`);
}
