// The interactive API docs a developer opens at /api/docs: they render, with nothing refused by the
// page's Content Security Policy.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { openLoggedPage } from "../support/e2e.js";
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

describe("the API docs page", () => {
  it("renders the document's operations with no Content Security Policy violation", async () => {
    const page = await openLoggedPage(browser, server);
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || /Content Security Policy/i.test(message.text()))
        problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${server.url}/api/docs`);
    await page.getByRole("heading", { name: /Corrente API/ }).waitFor();
    await page.getByText("/api/admin/tickets/{id}", { exact: true }).first().waitFor();
    await page.getByRole("button", { name: "Authorize" }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
