import "@mantine/core/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { AppProviders } from "./app/providers";
import { router } from "./app/router";
import { i18nReady } from "./i18n/i18n";

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html must contain #root");

// Resources are bundled, so this resolves at once; waiting avoids a first paint with raw keys.
void i18nReady.then(() => {
  createRoot(rootElement).render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
});
