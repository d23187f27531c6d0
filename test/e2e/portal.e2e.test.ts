import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { followSignInLink, openLoggedPage, screenshot } from "../support/e2e.js";
import { cnpjFor, newCnpjRoot, validSubmission } from "../support/referral-factory.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

const DEMO_PROGRAM_SLUG = "desk-manager";

type MailboxItem = { to: string; links: string[]; messageId: string };
type Referrer = { name: string; email: string; disqualified: string; inProgress: string };

let server: ServerProcess;
let browser: Browser;
let referrer: Referrer;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerProcess(), launchBrowser()]);
  referrer = await seedReferrer();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

const openPage = () =>
  openLoggedPage(browser, server, { viewport: { width: 1280, height: 900 }, grantClipboard: true });

async function api(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return fetch(`${server.url}${path}`, {
    method: init.method ?? "GET",
    headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function submitReferral(body: Record<string, unknown>): Promise<string> {
  const response = await api(`/api/public/programs/${DEMO_PROGRAM_SLUG}/referrals`, { method: "POST", body });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/**
 * A referrer with two referrals: one the demo owner disqualifies through the back-office API (outside
 * the minimum profile), one left in progress.
 */
async function seedReferrer(): Promise<Referrer> {
  const first = validSubmission({ companyCnpj: cnpjFor(newCnpjRoot()) });
  const referrerFields = {
    referrerName: first.referrerName,
    referrerEmail: first.referrerEmail,
    referrerPhone: first.referrerPhone,
  };
  const second = validSubmission({ ...referrerFields, companyCnpj: cnpjFor(newCnpjRoot()) });
  const disqualifiedId = await submitReferral(first);
  await submitReferral(second);

  const login = await api("/api/admin/login", {
    method: "POST",
    body: { email: server.adminEmail, password: server.adminPassword },
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = {
    cookie: login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  };
  // The automatic checks run in a job; moving the referral before they finish would race them. The
  // first one checked (the embedded queue runs jobs in order: the first referral's) e-mails the new,
  // unverified referrer "recebemos sua indicação".
  await waitUntil("the checks to run", async () =>
    (await readMailbox()).some((item) => item.to.includes(first.referrerEmail)),
  );
  const move = await api(`/api/admin/referrals/${disqualifiedId}/transitions`, {
    method: "POST",
    headers: { ...headers, "x-csrf-token": csrfToken },
    body: { to: "not_qualified", reason: "outside_profile" },
  });
  expect(move.status).toBe(200);
  return {
    name: first.referrerName,
    email: first.referrerEmail,
    disqualified: first.companyName,
    inProgress: second.companyName,
  };
}

/** Polls until `isDone` (jobs and e-mail run a moment after the request that started them). */
async function waitUntil(what: string, isDone: () => Promise<boolean>) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await isDone()) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`waited 10 s for ${what}`);
}

async function readMailbox(): Promise<MailboxItem[]> {
  const response = await api("/api/dev/mailbox");
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: MailboxItem[] }).items;
}

/** Asks for a link at /portal/login and follows the one e-mailed (it may land a moment after the 202). */
async function signIn(page: Page, email: string) {
  const seenMessageIds = new Set((await readMailbox()).map((item) => item.messageId));
  await page.goto(`${server.url}/portal/login?program=${DEMO_PROGRAM_SLUG}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Enviar link de acesso" }).click();
  await page.getByText("Se este e-mail participa do programa, enviamos um link de acesso.").waitFor();
  let link: string | undefined;
  await waitUntil(`a sign-in link to ${email}`, async () => {
    for (const item of await readMailbox()) {
      if (!item.to.includes(email) || seenMessageIds.has(item.messageId)) continue;
      link ??= item.links.find((candidate) => new URL(candidate).pathname.startsWith("/portal/auth/"));
    }
    return link !== undefined;
  });
  await followSignInLink(page, link!);
  await page.waitForURL(`${server.url}/portal`);
}

/** The text of what holds the keyboard focus (the tests' tsconfig has no DOM types: a string is evaluated). */
function focusedText(page: Page): Promise<unknown> {
  return page.evaluate(
    "document.activeElement && (document.activeElement.value || document.activeElement.textContent)",
  );
}

describe("the referrer portal", () => {
  it("a referrer follows their referrals with the reasons in the policy's words and refers a company from the portal", async () => {
    const page = await openPage();
    await signIn(page, referrer.email);

    // Home: counts by status and the latest referrals.
    await page.getByRole("heading", { name: `Olá, ${referrer.name}!` }).waitFor();
    const counts = page.getByRole("region", { name: "Suas indicações" });
    await counts.getByRole("link", { name: /^1\s*Lead não qualificado$/ }).waitFor();
    await counts.getByRole("link", { name: /^1\s*Indicação em andamento$/ }).waitFor();
    await screenshot(page, "portal-home");

    // Minhas Indicações: status, the reason and what it means, and the history.
    await page
      .getByRole("navigation", { name: "Navegação principal" })
      .getByRole("link", { name: "Minhas Indicações" })
      .click();
    await page.getByRole("heading", { name: "Minhas Indicações", level: 1 }).waitFor();
    const disqualified = page.getByRole("article", { name: referrer.disqualified });
    await disqualified.getByText("Lead não qualificado", { exact: true }).waitFor();
    await disqualified.getByText("Motivo: Fora das características mínimas").waitFor();
    await disqualified.getByText(/^A empresa ou o contato não tem o perfil pedido/).waitFor();
    await disqualified
      .getByText(/^\d{2}\/\d{2}\/\d{4}$/)
      .first()
      .waitFor();
    await disqualified.getByRole("button", { name: /^Ver histórico/ }).click();
    await disqualified
      .getByText("Indicação em andamento → Lead não qualificado (Fora das características mínimas)")
      .waitFor();
    await page
      .getByRole("article", { name: referrer.inProgress })
      .getByText("Indicação em andamento", { exact: true })
      .waitFor();
    await screenshot(page, "portal-referrals");

    // The filter is an address (?status=), as the status e-mails use.
    await page
      .getByRole("navigation", { name: "Filtrar por status" })
      .getByRole("link", { name: "Lead não qualificado (1)" })
      .click();
    await page.waitForURL((url) => url.searchParams.get("status") === "not_qualified");
    await page.getByText("1 indicação em “Lead não qualificado”").waitFor();
    await page.getByRole("article", { name: referrer.inProgress }).waitFor({ state: "detached" });

    // "Indicar empresa": the referrer's part is filled in; the form checks before sending.
    await page.getByRole("button", { name: "Indicar empresa" }).click();
    const dialog = page.getByRole("dialog", { name: "Indicar uma empresa" });
    expect(await dialog.getByLabel("Seu nome").inputValue()).toBe(referrer.name);
    expect(await dialog.getByLabel("Seu e-mail").inputValue()).toBe(referrer.email);
    expect(await dialog.getByLabel("Seu telefone ou WhatsApp").inputValue()).toBe("(11) 98765-4321");
    await dialog.getByRole("button", { name: "Enviar indicação" }).click();
    await dialog.getByText("Revise os campos destacados.").waitFor();
    expect(await dialog.getByLabel("Sua data de nascimento").getAttribute("aria-invalid")).toBe("true");

    const company = `Transportes Aurora ${Date.now()} Ltda`;
    await dialog.getByLabel("Sua data de nascimento").fill("1990-05-10");
    await dialog.getByLabel("Você é cliente?").selectOption({ label: "Sim" });
    await dialog.getByLabel("Nome da empresa").fill(company);
    await dialog.getByLabel("CNPJ (recomendado)").fill(cnpjFor(newCnpjRoot()));
    await dialog.getByLabel("Porte da empresa").selectOption({ label: "Grande" });
    await dialog.getByLabel("Número de atendentes").fill("15");
    await dialog.getByLabel("Nome do contato").fill("Marta Souza");
    await dialog.getByLabel("Cargo").fill("Coordenadora de Atendimento");
    await dialog.getByLabel("Departamento").selectOption({ label: "Atendimento" });
    await dialog.getByLabel("E-mail do contato").fill(`marta@aurora-${Date.now()}.com.br`);
    // Ten digits pass the quick check; only the server knows "00" is no area code.
    await dialog.getByLabel("Telefone do contato").fill("0033334444");
    expect(await dialog.getByLabel("Telefone do contato").inputValue()).toBe("(00) 3333-4444");
    await dialog.getByLabel(/^Meu contato sabe/).check();
    await dialog.getByLabel(/^Estes dados não foram comprados/).check();
    await dialog.getByLabel(/^Li e aceito as regras do programa/).check();
    await dialog.getByRole("button", { name: "Enviar indicação" }).click();
    // The API's field error shows beside the field, which takes the focus.
    await dialog.getByText("Telefone inválido: use DDD e número, como (11) 98765-4321.").waitFor();
    await expect.poll(() => focusedText(page)).toBe("(00) 3333-4444");
    await screenshot(page, "portal-refer-field-error");

    await dialog.getByLabel("Telefone do contato").fill("21933334444");
    await dialog.getByRole("button", { name: "Enviar indicação" }).click();
    await dialog.waitFor({ state: "detached" });
    const confirmation = page.getByRole("status").filter({ hasText: "Indicação recebida!" });
    await confirmation.getByText(`A indicação de ${company} entrou em análise`, { exact: false }).waitFor();
    await expect.poll(() => focusedText(page)).toMatch(/^Indicação recebida!/);

    // The new referral is in the list.
    await page
      .getByRole("navigation", { name: "Filtrar por status" })
      .getByRole("link", { name: /^Todas/ })
      .click();
    await page.getByRole("article", { name: company }).waitFor();
    await screenshot(page, "portal-referral-sent");
    await page.context().close();
  }, 60_000);

  it("a referrer opens the support materials, shares the program and switches the portal to English", async () => {
    const page = await openPage();
    await signIn(page, referrer.email);

    await page
      .getByRole("navigation", { name: "Navegação principal" })
      .getByRole("link", { name: "Materiais" })
      .click();
    await page.getByRole("heading", { name: "Materiais de apoio", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Dicas para indicar mais" }).waitFor();
    const share = page.getByRole("region", { name: "Compartilhe o programa" });
    const landingUrl = `${server.url}/p/${DEMO_PROGRAM_SLUG}`;
    expect(await share.getByLabel("Link da página do programa").inputValue()).toBe(landingUrl);
    const whatsapp = await share.getByRole("link", { name: /Compartilhar no WhatsApp/ }).getAttribute("href");
    expect(whatsapp).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(decodeURIComponent(whatsapp!.split("text=")[1]!)).toContain(landingUrl);
    expect(await share.getByRole("link", { name: /Compartilhar no LinkedIn/ }).getAttribute("href")).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(landingUrl)}`,
    );
    expect(await share.getByRole("link", { name: "Enviar por e-mail" }).getAttribute("href")).toMatch(
      /^mailto:\?subject=.+&body=/,
    );
    await share.getByRole("button", { name: "Copiar link" }).click();
    await share.getByRole("status").filter({ hasText: "Link copiado!" }).waitFor();
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(landingUrl);
    await screenshot(page, "portal-materials");

    // The profile's language is the portal's too: saving English turns the page to English at once.
    await page
      .getByRole("navigation", { name: "Navegação principal" })
      .getByRole("link", { name: "Perfil" })
      .click();
    await page.getByRole("heading", { name: "Meu perfil" }).waitFor();
    await page.getByRole("radio", { name: "English", exact: true }).check();
    await page.getByRole("button", { name: "Salvar perfil" }).click();
    await page.getByRole("heading", { name: "My profile" }).waitFor();
    await page.getByRole("status").filter({ hasText: "Profile saved." }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await screenshot(page, "portal-profile-en");

    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "My Referrals" })
      .click();
    await page.getByRole("heading", { name: "My Referrals", level: 1 }).waitFor();
    const disqualified = page.getByRole("article", { name: referrer.disqualified });
    await disqualified.getByText("Reason: Outside the minimum profile").waitFor();
    // Dates day first with the month's name ("3 Dec 2026"), never US style ("12/3/26").
    await disqualified
      .getByText(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/)
      .first()
      .waitFor();
    await disqualified.getByText(/^The company or contact does not match the profile/).waitFor();
    const profile = (await (await page.request.get(`${server.url}/api/portal/profile`)).json()) as {
      locale: string;
    };
    expect(profile.locale).toBe("en");
    await screenshot(page, "portal-referrals-en");
    await page.context().close();
  }, 60_000);
});
