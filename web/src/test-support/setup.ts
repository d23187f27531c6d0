// The web project's setup (vitest.config.ts): the app's own i18n in pt-BR, a clean DOM and network
// stub after each test.
import { cleanup } from "@testing-library/react";
import { afterEach, beforeAll, vi } from "vitest";
import { i18nReady } from "../i18n/i18n";

// happy-dom has no FontFaceSet; Mantine's autosizing textarea listens for fonts loading on it.
if (!("fonts" in document)) Object.defineProperty(document, "fonts", { value: new EventTarget() });

beforeAll(async () => {
  await i18nReady;
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});
