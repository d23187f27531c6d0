// Debian's Chromium driven by playwright-core (no browser is downloaded). The flags keep it off the
// network: this machine has none, and Chromium would otherwise try to reach its services at start.
import { type Browser, chromium } from "playwright-core";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
