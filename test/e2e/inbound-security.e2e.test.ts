// The pages of issues 16.1, 16.7, 16.11 and 17.6 as an agent and an owner use them: a ticket for a new
// contact from a quarantined e-mail (from the keyboard), the "remetente não verificado" mark, mail that
// failed, and the owner's list of blocked addresses with an unblock.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bounceAddress } from "../../src/platform/mail/reply-address.js";
import { launchBrowser } from "../support/browser.js";
import { deliveryReport } from "../support/delivery-reports.js";
import { openLoggedPage, screenshot, seedDemoWithStaff } from "../support/e2e.js";
import {
  deliver,
  inboundServerEnv,
  signInStaff,
  verifiedByRelay,
  waitForItems,
} from "../support/inbound-e2e.js";
import { plainEmail } from "../support/inbound-mail.js";
import {
  type ServerProcess,
  startServerProcess,
  TEST_ADMIN_EMAIL,
  TEST_ADMIN_PASSWORD,
} from "../support/server-process.js";

const REPLY_DOMAIN = "reply.corrente.test";
const PROGRAM_ADDRESS = `desk-manager@${REPLY_DOMAIN}`;
const REFERRER_EMAIL = "indicador@example.com";
const AGENT_EMAIL = "sofia.suporte@example.com";
const AGENT_PASSWORD = "a-long-enough-support-password";
// Known, so the test can name the bounce address the SMTP transport would give a sign-in e-mail.
const APP_SECRET = "an-app-secret-for-the-e2e-tests-0123456789";

let server: ServerProcess;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "corrente-e2e-inbound-security-"));
  const staff = {
    email: AGENT_EMAIL,
    name: "Sofia Suporte",
    role: "support",
    password: AGENT_PASSWORD,
  } as const;
  [browser] = await Promise.all([launchBrowser(), seedDemoWithStaff(dataDir, staff)]);
  server = await startServerProcess({ dataDir, env: { ...inboundServerEnv(REPLY_DOMAIN), APP_SECRET } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

async function agentPage(): Promise<Page> {
  const page = await openLoggedPage(browser, server);
  await signInStaff(server, page, AGENT_EMAIL, AGENT_PASSWORD);
  return page;
}

describe("inbound mail the agents and owners review", () => {
  it("an agent opens a ticket for a prospect from the keyboard; the contact is answered by e-mail", async () => {
    const prospect = "paula.prospect@empresa-nova.example";
    const subject = "Como participo do programa?";
    await deliver(
      server,
      plainEmail({
        from: `Paula Prospect <${prospect}>`,
        to: PROGRAM_ADDRESS,
        subject,
        body: "Quero indicar clientes.",
      }),
    );
    const agent = await agentPage();
    await waitForItems(server, agent, "/api/admin/inbound?status=quarantined", 1);
    await agent.goto(`${server.url}/admin/helpdesk/quarantine`);
    await agent.getByRole("link", { name: subject }).focus();
    await agent.keyboard.press("Enter");
    const form = agent.getByRole("form", { name: "Abrir atendimento para um novo contato" });
    const name = form.getByLabel("Nome do contato");
    expect(await name.inputValue()).toBe("Paula Prospect");
    await form.getByText("legítimo interesse", { exact: false }).waitFor();
    await screenshot(agent, "admin-quarantine-new-contact");
    await name.focus();
    await agent.keyboard.press("Enter");
    const notice = agent.getByRole("status").filter({ hasText: "Paula Prospect virou contato" });
    await notice.waitFor();
    // The notice's link: once the e-mail reloads, its detail panel links to the same ticket too.
    await notice.getByRole("link", { name: "Abrir o atendimento" }).focus();
    await agent.keyboard.press("Enter");
    await agent.getByRole("heading", { name: subject, level: 1 }).waitFor();
    await agent.getByText("Contato (não é indicador)").waitFor();

    await agent.getByLabel("Resposta ao participante").fill("Olá, Paula! Basta preencher o formulário.");
    await agent.getByRole("button", { name: "Enviar resposta" }).click();
    await expect
      .poll(async () => mailboxTo(prospect), { timeout: 15_000 })
      .toContain("Basta preencher o formulário");
    await agent.context().close();
  }, 60_000);

  it("a spoofed reply opens a ticket marked 'Remetente não verificado' in the list and on its page", async () => {
    const subject = "Troquem a chave PIX do meu prêmio";
    await deliver(
      server,
      verifiedByRelay(
        plainEmail({ from: REFERRER_EMAIL, to: PROGRAM_ADDRESS, subject: "Pergunta assinada" }),
        "example.com",
      ),
    );
    await deliver(server, plainEmail({ from: REFERRER_EMAIL, to: PROGRAM_ADDRESS, subject }));
    const agent = await agentPage();
    await waitForItems(server, agent, "/api/admin/inbound?status=ticket_opened", 3);
    await agent.goto(`${server.url}/admin/helpdesk`);
    const spoofed = agent.getByRole("row").filter({ hasText: subject });
    await spoofed.getByText("Remetente não verificado").waitFor();
    expect(
      await agent
        .getByRole("row")
        .filter({ hasText: "Pergunta assinada" })
        .getByText("Remetente não verificado")
        .count(),
    ).toBe(0);
    await screenshot(agent, "admin-helpdesk-unverified");
    await spoofed.getByRole("link", { name: subject }).click();
    await agent.getByRole("heading", { name: subject, level: 1 }).waitFor();
    await agent.getByText("Remetente não verificado").waitFor();
    await agent.context().close();
  }, 60_000);

  it("mail that cannot be read as mail is listed as failed, with the reason", async () => {
    const parts = Array.from(
      { length: 10_000 },
      (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\n${i}\r\n`,
    ).join("");
    const raw = `From: a@hostile.example\r\nTo: ${PROGRAM_ADDRESS}\r\nSubject: hostil\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${parts}--b--\r\n`;
    await deliver(server, Buffer.from(raw));
    const agent = await agentPage();
    await waitForItems(server, agent, "/api/admin/inbound?status=failed", 1);
    await agent.goto(`${server.url}/admin/helpdesk/quarantine`);
    await agent.getByLabel("Mostrar e-mails").selectOption({ label: "Falharam (ilegíveis)" });
    await agent.getByText(/Não pôde ser lido como e-mail: .*exceeded/).waitFor();
    await agent.context().close();
  }, 60_000);

  it("the owner sees a bounced address, with the e-mail that bounced, and unblocks it; in English too", async () => {
    const login = await fetch(`${server.url}/api/portal/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ programSlug: "desk-manager", email: REFERRER_EMAIL }),
    });
    expect(login.status).toBe(202);
    const sent = await waitForMail((item) => item.to === REFERRER_EMAIL && item.subject.includes("link"));
    const outboxId = sent.messageId.slice(1, sent.messageId.indexOf("@"));
    const to = bounceAddress(APP_SECRET, outboxId, REPLY_DOMAIN);
    await deliver(
      server,
      deliveryReport({ to, failed: [REFERRER_EMAIL], returnedMessageId: sent.messageId }),
    );

    const owner = await openLoggedPage(browser, server);
    await signInStaff(server, owner, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
    await waitForItems(server, owner, "/api/admin/suppressions", 1);
    await owner.getByRole("navigation").getByRole("link", { name: "Endereços bloqueados" }).click();
    await owner.getByRole("heading", { name: "Endereços bloqueados", level: 1 }).waitFor();
    const row = owner.getByRole("row").filter({ hasText: REFERRER_EMAIL });
    await row.getByText("E-mail devolvido").waitFor();
    await row.getByText("5.1.1").waitFor();
    await row.getByText(sent.subject).waitFor();
    await screenshot(owner, "admin-suppressions");
    // The language switch: its radio is hidden under its label, which is what a person clicks.
    const english = await owner.getByRole("radio", { name: /English/ }).getAttribute("id");
    await owner.locator(`label[for="${english}"]`).click();
    await owner.getByRole("heading", { name: "Blocked addresses", level: 1 }).waitFor();
    await row.getByText("E-mail bounced").waitFor();
    await row.getByRole("button", { name: `Unblock ${REFERRER_EMAIL}` }).focus();
    await owner.keyboard.press("Enter");
    const dialog = owner.getByRole("dialog", { name: "Unblock address" });
    await dialog.getByRole("button", { name: "Unblock" }).focus();
    await owner.keyboard.press("Enter");
    await owner.getByText(`${REFERRER_EMAIL} unblocked: the programs write to it again.`).waitFor();
    await owner.getByText("No blocked address: the programs write to everyone.").waitFor();
    await owner.context().close();
  }, 60_000);
});

type MailboxItem = { to: string; subject: string; text: string; messageId: string };

async function mailbox(): Promise<MailboxItem[]> {
  const response = await fetch(`${server.url}/api/dev/mailbox`);
  return ((await response.json()) as { items: MailboxItem[] }).items;
}

async function waitForMail(wanted: (item: MailboxItem) => boolean): Promise<MailboxItem> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = (await mailbox()).find(wanted);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the e-mail did not arrive in 15 s");
}

async function mailboxTo(address: string): Promise<string> {
  return (await mailbox())
    .filter((item) => item.to === address)
    .map((item) => item.text)
    .join("\n");
}
