// Every page of the staff app and the portal, and the public page, as a person sees them: in pt-BR
// and in English, no serious or critical accessibility violation (axe-core: contrast, names, roles);
// at 1280×800 nothing is wider than the window and each list fits its area; at 390×844 (a phone)
// lists scroll or drop columns inside their area, never the page.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { corrente, followSignInLink, openLoggedPage, screenshot } from "../support/e2e.js";
import { INBOUND_SECRET, plainEmail } from "../support/inbound-mail.js";
import { expectAccessible, expectFits } from "../support/page-checks.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

const PROGRAM = "desk-manager";
const REFERRER_EMAIL = "indicador@example.com";
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

type Language = "pt-BR" | "en";
/** A page, whether it holds a list (its width is checked on a phone too). */
type Visit = { path: string; isList?: boolean };

let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let ticketId: string;
let referralId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "corrente-e2e-pages-"));
  const [launched] = await Promise.all([launchBrowser(), corrente(dataDir, "seed-demo")]);
  browser = launched;
  server = await startServerProcess({ dataDir, env: { INBOUND_SECRET } });
  ({ ticketId, referralId } = await openDemoTicket());
  await deliverUnknownEmail();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

const usedLinks = new Set<string>();

/** The newest link under `pathPrefix` e-mailed to `to` that no test followed yet. */
async function mailboxLink(to: string, pathPrefix: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { items } = (await (await fetch(`${server.url}/api/dev/mailbox`)).json()) as {
      items: { to: string; links: string[] }[];
    };
    const link = items
      .filter((item) => item.to.includes(to))
      .flatMap((item) => item.links)
      .find((candidate) => candidate.includes(pathPrefix) && !usedLinks.has(candidate));
    if (link) {
      usedLinks.add(link);
      return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`no e-mail to ${to} with a ${pathPrefix} link`);
}

/** The demo referrer signs in (an e-mailed link) in a context of `language`. */
async function referrerPage(language: Language, viewport = DESKTOP, page?: Page): Promise<Page> {
  page ??= await pageIn(language, viewport);
  await page.request.post(`${server.url}/api/portal/login`, {
    data: { programSlug: PROGRAM, email: REFERRER_EMAIL },
  });
  await followSignInLink(page, await mailboxLink(REFERRER_EMAIL, "/portal/auth/"));
  await page.waitForURL(`${server.url}/portal`);
  return page;
}

async function staffPage(language: Language, viewport = DESKTOP): Promise<Page> {
  const page = await pageIn(language, viewport);
  const login = await page.request.post(`${server.url}/api/admin/login`, {
    data: { email: server.adminEmail, password: server.adminPassword },
  });
  expect(login.status()).toBe(200);
  return page;
}

async function pageIn(language: Language, viewport: { width: number; height: number }): Promise<Page> {
  const page = await openLoggedPage(browser, server, { viewport });
  // The language switch's choice, as a person who picked it keeps it.
  await page.context().addInitScript(`window.localStorage.setItem("corrente.language", "${language}")`);
  return page;
}

/** A ticket the demo referrer opens about one of their referrals, through the portal API. */
async function openDemoTicket(): Promise<{ ticketId: string; referralId: string }> {
  // Before the tests (no failure log to attach a page to): a plain context.
  const page = await referrerPage("pt-BR", DESKTOP, await (await browser.newContext()).newPage());
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/portal/session`)).json()) as {
    csrfToken: string;
  };
  const referrals = (await (await page.request.get(`${server.url}/api/portal/referrals`)).json()) as {
    items: { id: string }[];
  };
  const referral = referrals.items[0]!.id;
  const opened = await page.request.post(`${server.url}/api/portal/tickets`, {
    headers: { "x-csrf-token": csrfToken },
    data: {
      subject: "Minha indicação",
      contactReason: "referral_status",
      message: "Como está?",
      referralId: referral,
    },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  const { id } = (await opened.json()) as { id: string };
  await page.context().close();
  return { ticketId: id, referralId: referral };
}

async function deliverUnknownEmail() {
  const response = await fetch(`${server.url}/api/inbound/email`, {
    method: "POST",
    headers: { "content-type": "message/rfc822", "x-inbound-secret": INBOUND_SECRET },
    body: plainEmail({ from: "Maria Nova <maria.nova@example.net>", to: `${PROGRAM}@127.0.0.1` }),
  });
  expect(response.status).toBe(202);
}

/** Opens the page and waits for its main heading and its data. */
async function visit(page: Page, target: string) {
  await page.goto(`${server.url}${target}`);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForLoadState("networkidle");
  await page
    .getByRole("status")
    .filter({ has: page.locator(".mantine-Loader-root") })
    .waitFor({ state: "detached" });
}

async function checkPages(page: Page, visits: Visit[], language: Language) {
  for (const { path: target } of visits) {
    await visit(page, target);
    await screenshot(page, `every-page-${language}${target.split("?")[0]!.replaceAll("/", "-")}`);
    await expectAccessible(page, `${language} ${target}`);
    await expectFits(page, `${language} ${target} at 1280`, { tablesFit: true });
  }
}

async function checkListsOnPhone(page: Page, visits: Visit[]) {
  for (const { path: target } of visits.filter((v) => v.isList)) {
    await visit(page, target);
    await expectFits(page, `${target} at 390`, { tablesFit: false });
  }
}

const staffVisits = (): Visit[] => [
  { path: "/admin" },
  { path: "/admin/referrals", isList: true },
  { path: `/admin/referrals/${referralId}` },
  { path: "/admin/rewards/catalog", isList: true },
  { path: "/admin/rewards/fulfilment", isList: true },
  { path: "/admin/registries" },
  { path: "/admin/materials", isList: true },
  { path: "/admin/helpdesk", isList: true },
  { path: `/admin/helpdesk/${ticketId}` },
  { path: "/admin/helpdesk/canned-replies", isList: true },
  { path: "/admin/helpdesk/settings" },
  { path: "/admin/helpdesk/quarantine", isList: true },
  { path: "/admin/no-such-page" },
];

const portalVisits = (): Visit[] => [
  { path: "/portal" },
  { path: "/portal/referrals", isList: true },
  { path: `/portal/referrals/${referralId}` },
  { path: "/portal/rewards" },
  { path: "/portal/materials" },
  { path: "/portal/profile" },
  { path: "/portal/helpdesk", isList: true },
  { path: "/portal/helpdesk/new" },
  { path: `/portal/helpdesk/${ticketId}` },
];

describe("every page, accessible and within the window", () => {
  for (const language of ["pt-BR", "en"] as const) {
    it(`staff pages in ${language}`, async () => {
      const signedOut = await pageIn(language, DESKTOP);
      await checkPages(signedOut, [{ path: "/admin/login" }], language);
      await signedOut.context().close();
      const page = await staffPage(language);
      await checkPages(page, staffVisits(), language);
      await page.context().close();
    }, 120_000);

    it(`portal pages in ${language}`, async () => {
      const signedOut = await pageIn(language, DESKTOP);
      await checkPages(
        signedOut,
        [{ path: `/portal/login?program=${PROGRAM}` }, { path: "/portal/goodbye" }],
        language,
      );
      await signedOut.context().close();
      const page = await referrerPage(language);
      await checkPages(page, portalVisits(), language);
      await page.context().close();
    }, 120_000);
  }

  it("staff and portal lists on a phone scroll or drop columns inside their area, never the page", async () => {
    const staff = await staffPage("pt-BR", PHONE);
    await checkListsOnPhone(staff, staffVisits());
    await staff.context().close();
    const referrer = await referrerPage("pt-BR", PHONE);
    await checkListsOnPhone(referrer, portalVisits());
    await referrer.context().close();
  }, 90_000);

  it("the sign-in link's confirmation page, on a desktop and a phone", async () => {
    // One link for both: opening it spends nothing (and an address gets at most 5 links an hour).
    await fetch(`${server.url}/api/portal/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ programSlug: PROGRAM, email: REFERRER_EMAIL }),
    });
    const link = await mailboxLink(REFERRER_EMAIL, "/portal/auth/");
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await pageIn("pt-BR", viewport);
      await page.goto(link);
      await page.getByRole("button", { name: /^Entrar como / }).waitFor();
      const label = `sign-in confirmation at ${viewport.width}`;
      await expectAccessible(page, label);
      await expectFits(page, label, { tablesFit: true });
      await page.context().close();
    }
  }, 60_000);

  it("the public landing page, in pt-BR and English", async () => {
    for (const language of ["pt-BR", "en"] as const) {
      const page = await pageIn(language, DESKTOP);
      await page.goto(`${server.url}/p/${PROGRAM}${language === "en" ? "?lang=en" : ""}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await expectAccessible(page, `landing ${language}`);
      await expectFits(page, `landing ${language}`, { tablesFit: true });
      await page.context().close();
    }
  }, 60_000);
});
