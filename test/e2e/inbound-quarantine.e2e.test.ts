import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { openLoggedPage, screenshot, seedDemoWithStaff } from "../support/e2e.js";
import {
  deliver as deliverTo,
  inboundServerEnv,
  signInStaff,
  verifiedByRelay,
  waitForItems as waitForItemsOf,
} from "../support/inbound-e2e.js";
import { plainEmail } from "../support/inbound-mail.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

const PROGRAM_SLUG = "desk-manager";
const REPLY_DOMAIN = "reply.corrente.test";
const REFERRER_EMAIL = "indicador@example.com";
const REFERRER_NAME = "Ana Indicadora";
const AGENT_EMAIL = "sofia.suporte@example.com";
const AGENT_PASSWORD = "a-long-enough-support-password";
const STRANGER = "maria.nova@example.net";
const SUBJECT = "Indiquei a Padaria Central pelo e-mail da minha sócia";
const WRITTEN = "Oi! Sou a Ana, escrevendo do e-mail da minha sócia: a indicação da Padaria Central saiu?";
const QUOTED = "Texto antigo que a pessoa citou";
const FIRST_SUBJECT = "Quando sai o meu prêmio?";
const FIRST_ID = "<primeira-mensagem-da-ana@mail.example.com>";
const SPAMMER = "ofertas@promo.example.org";
const SPAM = "Promoção imperdível só hoje";

let server: ServerProcess;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "corrente-e2e-inbound-"));
  const staffReady = seedDemoWithStaff(dataDir, {
    email: AGENT_EMAIL,
    name: "Sofia Suporte",
    role: "support",
    password: AGENT_PASSWORD,
  });
  [browser] = await Promise.all([launchBrowser(), staffReady]);
  server = await startServerProcess({ dataDir, env: inboundServerEnv(REPLY_DOMAIN) });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

const openPage = () => openLoggedPage(browser, server, { viewport: { width: 1400, height: 900 } });
const deliver = (raw: Buffer) => deliverTo(server, raw);
const waitForItems = (page: Page, apiPath: string, count: number) =>
  waitForItemsOf(server, page, apiPath, count);

describe("the inbound quarantine, from an unknown sender to the referrer's ticket", () => {
  it("an agent reads a held e-mail, attaches it to the referrer's ticket and sees it there as an e-mail with its original; a reply after resolution opens a ticket linking back", async () => {
    const programAddress = `${PROGRAM_SLUG}@${REPLY_DOMAIN}`;
    // The referrer writes from her own address first: a known sender opens an e-mail ticket.
    await deliver(
      verifiedByRelay(
        plainEmail({
          from: `${REFERRER_NAME} <${REFERRER_EMAIL}>`,
          to: programAddress,
          subject: FIRST_SUBJECT,
          body: "Olá, quando sai o meu prêmio do mês passado?",
          messageId: FIRST_ID,
        }),
        "example.com",
      ),
    );
    // Then two from addresses nobody knows, held for an agent: one from a partner, one junk.
    await deliver(
      plainEmail({
        from: `Maria Nova <${STRANGER}>`,
        to: programAddress,
        subject: SUBJECT,
        body: `${WRITTEN}\r\n\r\nEm seg., 23 de nov. de 2026 às 10:00, Programa <${programAddress}> escreveu:\r\n> ${QUOTED}`,
      }),
    );
    await deliver(
      plainEmail({
        from: `Ofertas <${SPAMMER}>`,
        to: programAddress,
        subject: SPAM,
        body: "Compre já, só hoje!",
      }),
    );

    const agent = await openPage();
    await signInStaff(server, agent, AGENT_EMAIL, AGENT_PASSWORD);
    await waitForItems(agent, "/api/admin/inbound?status=quarantined", 2);
    await waitForItems(agent, "/api/admin/tickets?q=indicador", 1);

    // From the helpdesk to the quarantine, which counts what waits there.
    await agent.getByRole("navigation").getByRole("link", { name: "Helpdesk" }).click();
    await agent.getByRole("heading", { name: "Helpdesk", level: 1 }).waitFor();
    const quarantineLink = agent.getByRole("link", { name: /^Quarentena/ });
    await quarantineLink.getByText("2", { exact: true }).waitFor();
    await quarantineLink.click();
    await agent.getByRole("heading", { name: "Quarentena de e-mails", level: 1 }).waitFor();
    const row = agent.getByRole("row").filter({ hasText: SUBJECT });
    await row.getByText("Remetente desconhecido").waitFor();
    await row.getByText(STRANGER).waitFor();

    // The junk is discarded, after a confirmation, and stays on record under "Descartados".
    await agent.getByRole("row").filter({ hasText: SPAM }).getByRole("link", { name: SPAM }).click();
    await agent.getByRole("region", { name: SPAM }).getByRole("button", { name: "Descartar" }).click();
    const confirm = agent.getByRole("dialog", { name: "Descartar este e-mail?" });
    await confirm.getByRole("button", { name: "Descartar e-mail" }).click();
    await agent.getByText("E-mail descartado.").waitFor();
    await agent.getByText("1 e-mail exibido").waitFor();
    expect(await agent.getByRole("row").filter({ hasText: SPAM }).count()).toBe(0);
    await agent.getByLabel("Mostrar e-mails").selectOption({ label: "Descartados" });
    await agent.getByRole("row").filter({ hasText: SPAM }).getByText(SPAMMER).waitFor();
    await agent.getByLabel("Mostrar e-mails").selectOption({ label: "Em quarentena" });

    // The e-mail beside the list: what was kept, the full text folded away, no attachments.
    await row.getByRole("link", { name: SUBJECT }).click();
    const panel = agent.getByRole("region", { name: SUBJECT });
    await panel.getByText(WRITTEN, { exact: true }).waitFor();
    await panel.getByText("Sem anexos.").waitFor();
    expect(await panel.getByText(QUOTED).isVisible()).toBe(false);
    await panel.getByText("Texto completo, como recebido").click();
    await panel.getByText(QUOTED).waitFor();
    await screenshot(agent, "admin-quarantine-detail");

    // Finds the referrer and attaches the e-mail to her open ticket.
    await panel.getByLabel("Buscar participante").fill(REFERRER_EMAIL);
    await panel.getByRole("button", { name: "Buscar", exact: true }).click();
    await panel.getByRole("radio", { name: `${REFERRER_NAME} · ${REFERRER_EMAIL}` }).check();
    const ticketOption = panel
      .getByLabel("Atendimento", { exact: true })
      .locator("option", { hasText: `${FIRST_SUBJECT} (Aberto)` });
    await ticketOption.waitFor({ state: "attached" });
    await panel
      .getByLabel("Atendimento", { exact: true })
      .selectOption((await ticketOption.getAttribute("value")) ?? "");
    await panel.getByRole("button", { name: "Anexar e-mail" }).click();
    await agent.getByText(`E-mail anexado ao atendimento de ${REFERRER_NAME}.`).waitFor();
    await agent.getByText("Nenhum e-mail nesta lista.").waitFor();
    await screenshot(agent, "admin-quarantine-attached");

    // The ticket: the message is the referrer's, marked as an e-mail, with its original.
    await agent.getByRole("link", { name: "Abrir o atendimento" }).click();
    await agent.getByRole("heading", { name: FIRST_SUBJECT, level: 1 }).waitFor();
    const message = agent.getByRole("listitem").filter({ hasText: WRITTEN });
    await message.getByText("Origem: E-mail").waitFor();
    expect(await message.getByText(QUOTED).count()).toBe(0);
    const original = message.getByRole("link", { name: "Ver original (abre em nova aba)" });
    expect(await original.getAttribute("target")).toBe("_blank");
    await screenshot(agent, "admin-ticket-email-message");
    const [tab] = await Promise.all([agent.context().waitForEvent("page"), original.click()]);
    await tab.waitForLoadState();
    const raw = await tab.evaluate("document.body.innerText");
    expect(raw).toContain(`From: Maria Nova <${STRANGER}>`);
    expect(raw).toContain(`Subject: ${SUBJECT}`);
    expect(raw).toContain(`> ${QUOTED}`);
    await tab.close();

    // Once resolved, a reply in the same conversation opens a new ticket that links to the old one.
    await agent.getByLabel("Status", { exact: true }).selectOption({ label: "Resolvido" });
    await agent.getByRole("button", { name: "Salvar" }).click();
    await agent.getByText("Alterações salvas.").waitFor();
    await deliver(
      verifiedByRelay(
        plainEmail({
          from: `${REFERRER_NAME} <${REFERRER_EMAIL}>`,
          to: programAddress,
          subject: `Re: ${FIRST_SUBJECT}`,
          body: "Ainda não recebi, podem conferir?",
          headers: { "In-Reply-To": FIRST_ID, References: FIRST_ID },
        }),
        "example.com",
      ),
    );
    await waitForItems(agent, "/api/admin/inbound?status=ticket_opened", 2);
    const opened = await agent.request.get(`${server.url}/api/admin/inbound?status=ticket_opened`);
    const followUp = ((await opened.json()) as { items: { subject: string; ticketId: string }[] }).items.find(
      (item) => item.subject === `Re: ${FIRST_SUBJECT}`,
    );
    await agent.goto(`${server.url}/admin/helpdesk/${followUp?.ticketId}`);
    await agent.getByText("Ainda não recebi, podem conferir?").waitFor();
    await agent.getByRole("link", { name: "Continua o atendimento #1" }).click();
    await agent.getByRole("heading", { name: FIRST_SUBJECT, level: 1 }).waitFor();
    await agent.context().close();
  }, 90_000);
});
