import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { followSignInLink, openLoggedPage, screenshot, seedDemoWithStaff } from "../support/e2e.js";
import { cnpjFor, newCnpjRoot, validSubmission } from "../support/referral-factory.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

const DEMO_PROGRAM_SLUG = "desk-manager";
const SALES_EMAIL = "vera.vendas@example.com";
const SALES_NAME = "Vera Vendas";
const SALES_PASSWORD = "a-long-enough-sales-password";
const CHOSEN_REWARD = "Vale-presente de R$ 300";

type MailboxItem = { to: string; links: string[]; messageId: string };
type AdminReferral = { status: string; offer: { status: string; dueMonth: string; item: unknown } | null };

let server: ServerProcess;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "corrente-e2e-sales-"));
  // The demo organization first, then a sales person in it: the embedded database allows one process.
  const staffReady = seedDemoWithStaff(dataDir, {
    email: SALES_EMAIL,
    name: SALES_NAME,
    role: "sales",
    password: SALES_PASSWORD,
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

/** E-mail leaves through the outbox and a job: the sign-in link may land a moment after the 202. */
async function waitForSignInLink(to: string, seenMessageIds: Set<string>): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const item of await readMailbox()) {
      if (!item.to.includes(to) || seenMessageIds.has(item.messageId)) continue;
      const link = item.links.find((candidate) => new URL(candidate).pathname.startsWith("/portal/auth/"));
      if (link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`no sign-in link to ${to} within 10 s`);
}

async function submitReferral() {
  const body = validSubmission({ companyCnpj: cnpjFor(newCnpjRoot()) });
  const response = await fetch(`${server.url}/api/public/programs/${DEMO_PROGRAM_SLUG}/referrals`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return { id, companyName: body.companyName, referrerEmail: body.referrerEmail };
}

/** The text of what holds the keyboard focus (the tests' tsconfig has no DOM types: a string is evaluated). */
function focusedText(page: Page): Promise<unknown> {
  return page.evaluate("document.activeElement && document.activeElement.textContent");
}

/** Opens a move's dialog, confirms it and checks the news took the focus (keyboard users land on it). */
async function moveReferral(page: Page, button: string, statusLabel: string, note?: string) {
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog", { name: button });
  if (note) await dialog.getByLabel("Nota (opcional)").fill(note);
  await dialog.getByRole("button", { name: "Confirmar mudança" }).click();
  const news = `Status alterado para: ${statusLabel}.`;
  await page.getByRole("status").filter({ hasText: news }).waitFor();
  await expect.poll(() => focusedText(page)).toBe(news);
}

describe("from a referral to a reward", () => {
  it("sales qualifies a referral and confirms the sale; the referrer chooses a reward and sees when it is due", async () => {
    const referral = await submitReferral();

    // The sales person signs in and finds the referral through the list's search.
    const sales = await openPage();
    await sales.goto(`${server.url}/admin`);
    await sales.waitForURL(`${server.url}/admin/login`);
    await sales.getByLabel("E-mail").fill(SALES_EMAIL);
    await sales.getByLabel("Senha").fill(SALES_PASSWORD);
    await sales.getByRole("button", { name: "Entrar" }).click();
    await sales.waitForURL(`${server.url}/admin`);
    await sales.getByRole("navigation").getByRole("link", { name: "Indicações" }).click();
    await sales.getByRole("heading", { name: "Indicações", level: 1 }).waitFor();
    await sales.getByLabel("Buscar").fill(referral.companyName);
    await sales.getByRole("button", { name: "Filtrar" }).click();
    await sales.waitForURL((url) => url.searchParams.get("q") === referral.companyName);
    await sales.getByText("1 indicação exibida").waitFor();
    await screenshot(sales, "referrals-list");
    await sales.getByRole("link", { name: referral.companyName }).click();
    await sales.waitForURL(`${server.url}/admin/referrals/${referral.id}`);
    await sales.getByRole("heading", { name: referral.companyName, level: 1 }).waitFor();

    // Assigns it to herself, then walks it through the lifecycle.
    await sales.getByLabel("Quem cuida da indicação").selectOption({ label: SALES_NAME });
    await sales.getByRole("button", { name: "Salvar responsável" }).click();
    await sales.getByText(`Responsável: ${SALES_NAME}.`).waitFor();
    await moveReferral(sales, "Qualificar lead", "Lead qualificado");
    await moveReferral(sales, "Levar ao processo comercial", "Lead no processo comercial", "Demo agendada");
    await screenshot(sales, "referral-in-commercial-process");

    await sales.getByRole("button", { name: "Confirmar venda" }).click();
    const saleDialog = sales.getByRole("dialog", { name: "Confirmar venda" });
    // The referral's CNPJ is already there, punctuated; the sale is not an upgrade.
    expect(await saleDialog.getByRole("textbox", { name: "CNPJ 1" }).inputValue()).toMatch(
      /^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/,
    );
    expect(await saleDialog.getByLabel("É upgrade?").isChecked()).toBe(false);
    await saleDialog.getByRole("button", { name: "Confirmar venda" }).click();
    await sales.getByText(/^Venda confirmada\. O indicador foi avisado do prêmio/).waitFor();

    const detail = (await (
      await sales.request.get(`${server.url}/api/admin/referrals/${referral.id}`)
    ).json()) as AdminReferral;
    expect(detail.status).toBe("sale_confirmed");
    expect(detail.offer?.status).toBe("awaiting_choice");
    const dueMonth = new Intl.DateTimeFormat("pt-BR", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${detail.offer!.dueMonth}-01T00:00:00Z`));
    await sales.getByText(`com entrega prevista para ${dueMonth}.`).waitFor();
    await sales.getByRole("heading", { name: "Venda e prêmio" }).waitFor();
    await sales.getByRole("button", { name: /^Qualificar|^Confirmar venda/ }).waitFor({ state: "detached" });
    await screenshot(sales, "referral-sale-confirmed");
    await sales.context().close();

    // The referrer signs in with the e-mailed link and chooses a reward.
    const referrer = await openPage();
    const seenMessageIds = new Set((await readMailbox()).map((item) => item.messageId));
    await referrer.goto(`${server.url}/portal/login?program=${DEMO_PROGRAM_SLUG}`);
    await referrer.getByLabel("E-mail").fill(referral.referrerEmail);
    await referrer.getByRole("button", { name: "Enviar link de acesso" }).click();
    await followSignInLink(referrer, await waitForSignInLink(referral.referrerEmail, seenMessageIds));
    await referrer.waitForURL(`${server.url}/portal`);
    await referrer.getByRole("navigation").getByRole("link", { name: "Prêmios" }).click();
    await referrer.getByRole("heading", { name: "Meus prêmios" }).waitFor();
    const offer = referrer.getByRole("article", { name: `Indicação: ${referral.companyName}` });
    await offer.getByText(`Entrega prevista: ${dueMonth}`).waitFor();
    await screenshot(referrer, "portal-rewards-to-choose");

    await offer
      .getByRole("article", { name: CHOSEN_REWARD })
      .getByRole("button", { name: "Escolher este prêmio" })
      .click();
    const confirmation = referrer.getByRole("dialog", { name: "Confirmar a escolha" });
    await confirmation.getByText(`Você vai escolher “${CHOSEN_REWARD}”`).waitFor();
    await confirmation.getByRole("button", { name: "Confirmar escolha" }).click();
    const chosen = `Pronto! Você escolheu “${CHOSEN_REWARD}”. A entrega está prevista para ${dueMonth}.`;
    await referrer.getByRole("status").filter({ hasText: chosen }).waitFor();
    await expect.poll(() => focusedText(referrer)).toBe(chosen);
    // Once chosen, the offer shows the item and offers no other choice.
    await offer.getByText(`${CHOSEN_REWARD} (Vale-presente)`).waitFor();
    await offer.getByRole("button", { name: "Escolher este prêmio" }).first().waitFor({ state: "detached" });
    await offer.getByText("Escolhido", { exact: true }).waitFor();
    await screenshot(referrer, "portal-reward-chosen");

    const rewards = (await (await referrer.request.get(`${server.url}/api/portal/rewards`)).json()) as {
      items: { status: string; dueMonth: string; item: { name: { "pt-BR": string } } | null }[];
    };
    expect(rewards.items).toHaveLength(1);
    expect(rewards.items[0]).toMatchObject({ status: "chosen", dueMonth: detail.offer!.dueMonth });
    expect(rewards.items[0]?.item?.name["pt-BR"]).toBe(CHOSEN_REWARD);
    await referrer.context().close();
  }, 60_000);
});
