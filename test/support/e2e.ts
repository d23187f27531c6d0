// What the browser tests share: `corrente` commands on a test's data folder (before the server holds the
// embedded database), a page in its own browser profile that prints its console and the server's output
// when a test fails, and screenshots kept when E2E_SCREENSHOTS names a folder.
import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { onTestFailed } from "vitest";
import { type ServerProcess, TEST_ADMIN_PASSWORD } from "./server-process.js";

const root = path.resolve(import.meta.dirname, "../..");
const screenshotDir = process.env.E2E_SCREENSHOTS;

/** One `corrente` command on `dataDir` (the embedded database allows one process: run before the server). */
export async function corrente(dataDir: string, ...args: string[]): Promise<void> {
  await promisify(execFile)(
    path.join(root, "node_modules/.bin/tsx"),
    [path.join(root, "src/main.ts"), ...args],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
        DATA_DIR: dataDir,
        ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      },
    },
  );
}

/** The demo organization and program, then one staff member of it. */
export async function seedDemoWithStaff(
  dataDir: string,
  staff: { email: string; name: string; role: "owner" | "admin" | "sales" | "support"; password: string },
): Promise<void> {
  await corrente(dataDir, "seed-demo");
  await corrente(
    dataDir,
    ...["create-staff", "--organization", "demo", "--email", staff.email, "--name", staff.name],
    ...["--role", staff.role, "--password", staff.password],
  );
}

/** A fresh browser profile, in pt-BR and Brazil's time zone; on failure, the logs are printed. */
export async function openLoggedPage(
  browser: Browser,
  server: ServerProcess,
  options: { viewport?: { width: number; height: number }; grantClipboard?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: "pt-BR",
    timezoneId: "America/Sao_Paulo",
  });
  if (options.grantClipboard) {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  }
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  const browserLog: string[] = [];
  page.on("console", (message) => browserLog.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => browserLog.push(`pageerror: ${error.message}`));
  onTestFailed(() => {
    console.error(
      `page: ${page.url()}\nbrowser:\n${browserLog.join("\n")}\nserver:\n${server.output().slice(-4000)}`,
    );
  });
  return page;
}

/** Set E2E_SCREENSHOTS=/tmp/shots to keep a picture of each page the tests reach. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!screenshotDir) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
}

/**
 * Follows a sign-in link as its reader does: the link opens a page "Entrar como r…@e….com" (or "Sign in
 * as …", in the referrer's language) and the session starts on its button (issue 16.11).
 */
export async function followSignInLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("button", { name: /^(Entrar como|Sign in as) / }).click();
}
