import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { followSignInLink, openLoggedPage, screenshot, seedDemoWithStaff } from "../support/e2e.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

const DEMO_PROGRAM_SLUG = "desk-manager";
const REFERRER_EMAIL = "indicador@example.com";
const AGENT_EMAIL = "sofia.suporte@example.com";
const AGENT_NAME = "Sofia Suporte";
const AGENT_PASSWORD = "a-long-enough-support-password";
// Fires only if markup from the subject ever reaches the DOM as markup.
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;
const SUBJECT = `Prêmio não chegou ${XSS}`;
const REPLY = "Olá, Ana! O voucher foi reenviado para o seu e-mail hoje.";
const NOTE = "Nota interna: a operadora do voucher confirmou o reenvio.";
// Two of the demo referrer's referrals (src/demo/demo-referrals.ts).
const SOLD_COMPANY = "Construtora Horizonte Ltda";
const OTHER_COMPANY = "Clínica Bem-Estar S.A.";

type MailboxItem = { to: string; subject: string; text: string; links: string[]; messageId: string };

let server: ServerProcess;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "corrente-e2e-helpdesk-"));
  const staffReady = seedDemoWithStaff(dataDir, {
    email: AGENT_EMAIL,
    name: AGENT_NAME,
    role: "support",
    password: AGENT_PASSWORD,
  });
  [browser] = await Promise.all([launchBrowser(), staffReady]);
  server = await startServerProcess({ dataDir });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

const openPage = () => openLoggedPage(browser, server, { viewport: { width: 1280, height: 900 } });

async function readMailbox(): Promise<MailboxItem[]> {
  const response = await fetch(`${server.url}/api/dev/mailbox`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: MailboxItem[] }).items;
}

async function waitForMail(match: (item: MailboxItem) => boolean, what: string): Promise<MailboxItem> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = (await readMailbox()).find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`no e-mail ${what} within 10 s`);
}

/** The tests' tsconfig has no DOM types: the check is evaluated as a string. */
function xssFired(page: Page): Promise<unknown> {
  return page.evaluate("window.__xss === 1");
}

async function signInReferrer(): Promise<Page> {
  const page = await openPage();
  const seen = new Set((await readMailbox()).map((item) => item.messageId));
  await page.goto(`${server.url}/portal/login?program=${DEMO_PROGRAM_SLUG}`);
  await page.getByLabel("E-mail").fill(REFERRER_EMAIL);
  await page.getByRole("button", { name: "Enviar link de acesso" }).click();
  const mail = await waitForMail(
    (item) =>
      item.to.includes(REFERRER_EMAIL) &&
      !seen.has(item.messageId) &&
      item.links.some((l) => l.includes("/portal/auth/")),
    "with a sign-in link",
  );
  await followSignInLink(page, mail.links.find((link) => link.includes("/portal/auth/"))!);
  await page.waitForURL(`${server.url}/portal`);
  return page;
}

describe("the helpdesk, from the portal to the agent and back", () => {
  it("a referrer opens a ticket; an agent finds it, replies, notes and resolves it; the referrer sees the reply only and can no longer comment", async () => {
    // The referrer asks for help from "Atendimento".
    const referrer = await signInReferrer();
    await referrer.getByRole("navigation").getByRole("link", { name: "Atendimento" }).click();
    await referrer.getByRole("heading", { name: "Atendimento", level: 1 }).waitFor();
    await referrer.getByText("Você não tem atendimentos em aberto.").waitFor();
    await referrer.getByRole("link", { name: "Solicitar atendimento" }).click();
    await referrer.getByRole("heading", { name: "Solicitar atendimento", level: 1 }).waitFor();
    await referrer.getByRole("button", { name: "Enviar" }).click();
    await referrer.getByText("Escreva o assunto.").waitFor();
    await referrer.getByLabel("Assunto").fill(SUBJECT);
    await referrer.getByLabel("Motivo do contato").selectOption({ label: "Prêmios e entrega" });
    await referrer.getByLabel("Mensagem").fill("Escolhi o vale-presente há duas semanas e ainda não recebi.");
    await referrer
      .getByLabel("Indicação relacionada (opcional)")
      .selectOption({ label: `${SOLD_COMPANY} — Venda confirmada` });
    await referrer.getByRole("button", { name: "Enviar" }).click();
    await referrer.getByText("Solicitação enviada!").waitFor();
    await referrer.getByRole("heading", { name: SUBJECT, level: 1 }).waitFor();
    // The referral it is about heads the ticket, with its status, and opens it.
    const aboutReferral = referrer.getByRole("region", { name: "Indicação deste atendimento" });
    await aboutReferral.getByText("Venda confirmada").waitFor();
    expect(
      await aboutReferral
        .getByRole("link", { name: `Abrir a indicação de ${SOLD_COMPANY}` })
        .getAttribute("href"),
    ).toMatch(/^\/portal\/referrals\//);
    expect(await xssFired(referrer)).toBe(false);
    await screenshot(referrer, "portal-ticket-opened");
    const ticketUrl = referrer.url();
    await referrer.getByRole("link", { name: "Voltar aos atendimentos" }).click();
    await referrer.getByRole("article", { name: SUBJECT }).waitFor();
    await referrer.getByRole("tab", { name: "Em aberto (1)" }).waitFor();
    await screenshot(referrer, "portal-helpdesk-list");

    // The agent hears of it by e-mail, signs in and finds it by filter.
    await waitForMail(
      (item) => item.to.includes(AGENT_EMAIL) && item.subject.includes("Nova solicitação"),
      "to the agent",
    );
    const agent = await openPage();
    await agent.goto(`${server.url}/admin/login`);
    await agent.getByLabel("E-mail").fill(AGENT_EMAIL);
    await agent.getByLabel("Senha").fill(AGENT_PASSWORD);
    await agent.getByRole("button", { name: "Entrar" }).click();
    await agent.waitForURL(`${server.url}/admin`);
    await agent.getByRole("navigation").getByRole("link", { name: "Helpdesk" }).click();
    await agent.getByRole("heading", { name: "Helpdesk", level: 1 }).waitFor();
    await agent.getByLabel("Motivo do contato").selectOption({ label: "Prêmios e entrega" });
    await agent.getByLabel("Situação").selectOption({ label: "Aguardando atendimento" });
    await agent.getByLabel("Buscar").fill("premio");
    await agent.getByRole("button", { name: "Filtrar" }).click();
    await agent.waitForURL((url) => url.searchParams.get("contactReason") === "reward");
    await agent.getByText("1 atendimento exibido").waitFor();
    expect(await xssFired(agent)).toBe(false);
    await screenshot(agent, "admin-helpdesk-list");
    await agent.getByRole("link", { name: SUBJECT }).click();
    await agent.getByRole("heading", { name: SUBJECT, level: 1 }).waitFor();
    await agent.getByRole("heading", { name: "Ana Indicadora" }).waitFor();
    const agentReferral = agent.getByRole("region", { name: "Indicação deste atendimento" });
    await agentReferral.getByRole("link", { name: `Abrir a indicação de ${SOLD_COMPANY}` }).waitFor();

    // The agent finds it is about another of her referrals and changes it.
    await agent.getByLabel("Indicação", { exact: true }).selectOption({ label: OTHER_COMPANY });
    await agent.getByRole("button", { name: "Salvar" }).click();
    await agent.getByText("Alterações salvas.").waitFor();
    await agentReferral.getByRole("link", { name: `Abrir a indicação de ${OTHER_COMPANY}` }).waitFor();
    await agent
      .getByText(`${AGENT_NAME} mudou a indicação do atendimento de ${SOLD_COMPANY} para ${OTHER_COMPANY}`)
      .waitFor();

    // Replies, adds an internal note, then resolves with an explicit save.
    await agent.getByLabel("Resposta ao participante").fill(REPLY);
    await agent.getByRole("button", { name: "Enviar resposta" }).click();
    await agent.getByText("Resposta enviada ao participante.").waitFor();
    await agent.getByText("Nota interna", { exact: true }).first().click();
    await agent.getByRole("textbox", { name: "Nota interna" }).fill(NOTE);
    await agent.getByRole("button", { name: "Adicionar nota" }).click();
    await agent.getByText("Nota adicionada.").waitFor();
    await agent.getByText(NOTE).waitFor();
    await agent.getByLabel("Status", { exact: true }).selectOption({ label: "Resolvido" });
    await agent.getByRole("button", { name: "Salvar" }).click();
    await agent.getByText("Alterações salvas.").waitFor();
    await agent.getByText(`${AGENT_NAME} mudou o status de Aberto para Resolvido`).waitFor();
    expect(await xssFired(agent)).toBe(false);
    await screenshot(agent, "admin-ticket-resolved");
    await agent.context().close();

    // The reply reached the referrer by e-mail too; the note did not.
    const replyMail = await waitForMail(
      (item) => item.to.includes(REFERRER_EMAIL) && item.text.includes(REPLY),
      "with the reply",
    );
    expect(replyMail.text).not.toContain(NOTE);
    expect(replyMail.links.some((link) => link.includes("/portal/helpdesk/"))).toBe(true);

    // The referrer sees the reply (marked new), not the note, and cannot comment any more.
    await referrer.goto(ticketUrl);
    await referrer.getByText(REPLY).waitFor();
    await referrer.getByText("Nova", { exact: true }).waitFor();
    await referrer.getByText("Atendimento resolvido").waitFor();
    expect(await referrer.getByText(NOTE).count()).toBe(0);
    expect(await referrer.getByLabel("Sua mensagem").count()).toBe(0);
    await referrer.getByRole("link", { name: "Abrir nova solicitação" }).waitFor();
    expect(await xssFired(referrer)).toBe(false);
    await screenshot(referrer, "portal-ticket-resolved");
    await referrer.getByRole("link", { name: "Voltar aos atendimentos" }).click();
    await referrer.getByRole("tab", { name: "Encerrados (1)" }).click();
    await referrer.getByRole("article", { name: SUBJECT }).waitFor();
    await referrer.context().close();
  }, 90_000);
});
