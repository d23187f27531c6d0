// The landing page's referral form in a real browser: with JavaScript off (plain POST, server-side
// errors) and on (inline checks and masks), ending at the confirmation both times.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerProcess(), launchBrowser()]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

async function openLanding(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: "pt-BR",
    viewport: { width: 1000, height: 900 },
  });
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/p/desk-manager`);
  return page;
}

async function fillValidReferral(page: Page, tag: string) {
  await page.getByLabel("Seu nome *").fill("Rita Referrer");
  await page.getByLabel("Seu e-mail *").fill(`rita.${tag}@gmail.com`);
  await page.getByLabel("Seu telefone ou WhatsApp *").fill("11987654321");
  await page.getByLabel("Sua data de nascimento *").fill("1990-05-10");
  await page.getByLabel("Você é cliente?").selectOption("true");
  await page.getByLabel("Nome da empresa *").fill(`Empresa ${tag}`);
  await page.getByLabel("Porte da empresa *").selectOption("large");
  await page.getByLabel("Nome do contato *").fill("Carlos Contato");
  await page.getByLabel("Cargo *").fill("Gerente de TI");
  await page.getByLabel("Departamento *").selectOption("it");
  await page.getByLabel("E-mail do contato *").fill(`carlos@empresa-${tag}.com.br`);
  await page.getByLabel("Telefone do contato *").fill("2133334444");
  await page.getByLabel(/Meu contato sabe/).check();
  await page.getByLabel(/não foram comprados/).check();
  await page.getByLabel(/Li e aceito as regras/).check();
}

describe("the landing page's referral form", () => {
  it("works without JavaScript: field errors from the server, then the confirmation", async () => {
    const page = await openLanding(false);
    await fillValidReferral(page, "nojs");
    await page.getByLabel("CNPJ (recomendado)").fill("11.222.333/0001-99");
    await page.getByRole("button", { name: "Enviar indicação" }).click();
    await expect.poll(() => page.locator("#companyCnpj-error").textContent()).toBe("CNPJ inválido.");
    expect(await page.getByLabel("Nome da empresa *").inputValue()).toBe("Empresa nojs");

    await page.getByLabel("CNPJ (recomendado)").fill("12.ABC.345/01DE-35");
    // Checkboxes are re-rendered checked; the declarations still hold.
    await page.getByRole("button", { name: "Enviar indicação" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Indicação recebida!" }).count()).toBe(1);
    expect(page.url()).toContain("sent=1");
  });

  it("with JavaScript, checks fields as you leave them and masks CNPJ and phone", async () => {
    const page = await openLanding(true);
    const cnpj = page.getByLabel("CNPJ (recomendado)");
    await cnpj.fill("12abc34501de36");
    expect(await cnpj.inputValue()).toBe("12.ABC.345/01DE-36");
    await cnpj.blur();
    await expect.poll(() => page.locator("#companyCnpj-error").textContent()).toBe("CNPJ inválido.");
    expect(await cnpj.getAttribute("aria-invalid")).toBe("true");

    await fillValidReferral(page, "js");
    expect(await page.getByLabel("Seu telefone ou WhatsApp *").inputValue()).toBe("(11) 98765-4321");
    // The invalid CNPJ blocks the submit in the browser, with focus on it.
    await page.getByRole("button", { name: "Enviar indicação" }).click();
    expect(await page.evaluate("document.activeElement && document.activeElement.id")).toBe("companyCnpj");
    await cnpj.fill("12ABC34501DE35");
    await page.getByRole("button", { name: "Enviar indicação" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Indicação recebida!" }).count()).toBe(1);
  });

  it.each([
    ["without JavaScript", false],
    ["with JavaScript", true],
  ])("%s, an under-age referrer hears of their age together with the other errors", async (_case, js) => {
    const page = await openLanding(js);
    await fillValidReferral(page, js ? "age-js" : "age-nojs");
    await page.getByLabel("Sua data de nascimento *").fill(`${new Date().getUTCFullYear() - 16}-01-15`);
    await page.getByLabel("Seu telefone ou WhatsApp *").fill("123");
    await page.getByRole("button", { name: "Enviar indicação" }).click();
    await expect
      .poll(() => page.locator("#referrerBirthDate-error").textContent())
      .toBe("É preciso ter 18 anos ou mais.");
    expect(await page.locator("#referrerPhone-error").textContent()).toBe("Telefone inválido.");
    expect(await page.getByRole("heading", { name: "Indicação recebida!" }).count()).toBe(0);
  });
});
