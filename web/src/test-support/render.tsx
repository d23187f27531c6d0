import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { createMemoryRouter, Outlet, RouterProvider, useLocation } from "react-router";
import { createQueryClient } from "../app/query-client";
import { theme } from "../app/theme";
import { i18next } from "../i18n/i18n";

type RenderOptions = {
  /** Where the router starts, e.g. "/admin/referrals?status=qualified". */
  url?: string;
  /** The route pattern the element answers, e.g. "/admin/referrals". */
  path?: string;
  /** What an area hands its pages (the signed-in session), as AdminArea and PortalArea do. */
  outletContext?: unknown;
};

/** The URL the router shows now, written where a test can read it. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/**
 * Renders with the app's own providers: a real QueryClient (retries off, so a failure shows at once),
 * i18n in pt-BR, Mantine, and a memory router whose current URL the test can read.
 */
export function renderApp(element: ReactNode, options: RenderOptions = {}) {
  const { url = "/", path = url.split("?")[0] ?? "/", outletContext } = options;
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  const router = createMemoryRouter(
    [
      {
        element: (
          <>
            <Outlet context={outletContext} />
            <LocationProbe />
          </>
        ),
        children: [{ path, element }],
      },
    ],
    { initialEntries: [url] },
  );
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme}>
          <RouterProvider router={router} />
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  const currentUrl = () => view.getByTestId("location").textContent ?? "";
  return { ...view, user, queryClient, router, currentUrl };
}
