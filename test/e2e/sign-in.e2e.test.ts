import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { followSignInLink, openLoggedPage, screenshot } from "../support/e2e.js";
import { expectAccessible } from "../support/page-checks.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

// The demo referrer the embedded default seeds (src/demo/seed-demo.ts).
const DEMO_REFERRER_EMAIL = "indicador@example.com";
const DEMO_PROGRAM_SLUG = "desk-manager";

type MailboxItem = {
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  messageId: string;
};

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerProcess(), launchBrowser()]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

const openPage = () => openLoggedPage(browser, server, { viewport: { width: 1280, height: 800 } });

async function readMailbox(): Promise<MailboxItem[]> {
  const response = await fetch(`${server.url}/api/dev/mailbox`);
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as { items: MailboxItem[] };
  return items;
}

/** E-mail leaves through the outbox and a job, so the message may land a moment after the 202. */
async function waitForNewEmail(to: string, seenMessageIds: Set<string>): Promise<MailboxItem> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const fresh = (await readMailbox()).find(
      (item) => item.to.includes(to) && !seenMessageIds.has(item.messageId),
    );
    if (fresh) return fresh;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`no new e-mail to ${to} within 10 s`);
}

describe("signing in", () => {
  it("a signed-out visit to /admin or /portal lands on the sign-in page with nothing in the console", async () => {
    const page = await openPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.url}/admin`);
    await page.waitForURL(`${server.url}/admin/login`);
    await page.getByRole("heading", { name: "Entrar na Corrente" }).waitFor();
    await page.goto(`${server.url}/portal`);
    await page.waitForURL((url) => url.pathname === "/portal/login");
    await page.getByLabel("E-mail").waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  }, 20_000);

  it("staff sign in with e-mail and password, see their organization's programs, switch to English and sign out", async () => {
    const page = await openPage();

    await page.goto(`${server.url}/admin`);
    await page.waitForURL(`${server.url}/admin/login`);
    await screenshot(page, "admin-login");
    await page.getByLabel("E-mail").fill(server.adminEmail);
    await page.getByLabel("Senha").fill(server.adminPassword);
    await page.getByRole("button", { name: "Entrar" }).click();

    await page.waitForURL(`${server.url}/admin`);
    const session = (await (await page.request.get(`${server.url}/api/admin/session`)).json()) as {
      organization: { name: string };
    };
    await page.getByRole("heading", { name: "Programas" }).waitFor();
    await page.getByRole("banner").getByText(session.organization.name).waitFor();
    await page.getByText(DEMO_PROGRAM_SLUG, { exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "Página pública" }).getAttribute("href")).toBe(
      `/p/${DEMO_PROGRAM_SLUG}`,
    );
    await screenshot(page, "admin-home");

    // The language switch is a radio pair: the arrow key moves from Português to English, as for any keyboard user.
    await page.getByRole("radio", { name: /Português/ }).focus();
    await page.keyboard.press("ArrowRight");
    await page.getByRole("heading", { name: "Programs" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await screenshot(page, "admin-home-en");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${server.url}/admin/login`);
    await page.getByRole("heading", { name: "Sign in to Corrente" }).waitFor();
    // The session is gone on the server too, not only forgotten by the page.
    expect(await (await page.request.get(`${server.url}/api/admin/session`)).json()).toEqual({ user: null });
    await page.context().close();
  }, 20_000);

  it("a referrer signs in with the link e-mailed to them, and the same link does not work twice", async () => {
    const page = await openPage();
    const seenMessageIds = new Set((await readMailbox()).map((item) => item.messageId));

    await page.goto(`${server.url}/portal/login?program=${DEMO_PROGRAM_SLUG}`);
    await page.getByLabel("E-mail").fill(DEMO_REFERRER_EMAIL);
    await page.getByRole("button", { name: "Enviar link de acesso" }).click();
    await page.getByText("Se este e-mail participa do programa, enviamos um link de acesso.").waitFor();
    await screenshot(page, "portal-login-sent");

    const email = await waitForNewEmail(DEMO_REFERRER_EMAIL, seenMessageIds);
    const signInLink = email.links.find((link) => new URL(link).pathname.startsWith("/portal/auth/"));
    expect(signInLink, `sign-in link in ${JSON.stringify(email.links)}`).toBeDefined();
    expect(email.text).toContain(signInLink);

    // The link asks first (issue 16.11): "Entrar como i…@e….com", the address masked.
    await page.goto(signInLink!);
    const masked = `${DEMO_REFERRER_EMAIL[0]}…@${DEMO_REFERRER_EMAIL.split("@")[1]![0]}…`;
    await page.getByRole("button", { name: new RegExp(`^Entrar como ${masked}`) }).waitFor();
    expect(
      (await page.request.get(`${server.url}/api/portal/session`).then((r) => r.json())).participant,
    ).toBeNull();
    await expectAccessible(page, "the sign-in link's page");
    await screenshot(page, "portal-sign-in-confirm");
    await page.getByRole("button", { name: /^Entrar como / }).click();
    await page.waitForURL(`${server.url}/portal`);
    const { participant } = (await (await page.request.get(`${server.url}/api/portal/session`)).json()) as {
      participant: { name: string };
    };
    await page.getByRole("heading", { name: `Olá, ${participant.name}!` }).waitFor();
    await screenshot(page, "portal-home");

    await page.goto(signInLink!);
    await page.waitForURL(
      (url) => url.pathname === "/portal/login" && url.searchParams.get("error") === "link_invalid",
    );
    await page.getByText("Este link expirou ou já foi usado.").waitFor();
    await page.getByLabel("E-mail").waitFor();
    await screenshot(page, "portal-link-invalid");
    await page.context().close();
  }, 20_000);

  it("a referrer sent to a portal page while signed out signs in and lands on that page", async () => {
    const page = await openPage();
    const seenMessageIds = new Set((await readMailbox()).map((item) => item.messageId));

    await page.goto(`${server.url}/portal/rewards`);
    await page.waitForURL((url) => url.pathname === "/portal/login");
    await page.getByLabel("E-mail").fill(DEMO_REFERRER_EMAIL);
    await page.getByRole("button", { name: "Enviar link de acesso" }).click();
    await page.getByText("Se este e-mail participa do programa, enviamos um link de acesso.").waitFor();

    const email = await waitForNewEmail(DEMO_REFERRER_EMAIL, seenMessageIds);
    const signInLink = email.links.find((link) => new URL(link).pathname.startsWith("/portal/auth/"))!;
    expect(new URL(signInLink).searchParams.get("next")).toBe("/portal/rewards");
    await followSignInLink(page, signInLink);
    await page.waitForURL(`${server.url}/portal/rewards`);
    await page.context().close();
  }, 20_000);
});
