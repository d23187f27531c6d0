import { Container } from "@mantine/core";
import { createBrowserRouter, Navigate, Outlet } from "react-router";
import { adminRoutes } from "../admin/admin-routes";
import { portalRoutes } from "../portal/portal-routes";
import { NotFoundPage } from "./not-found-page";
import { RouteErrorPage } from "./route-error-page";

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <RouteErrorPage />,
    children: [
      // The server sends only /admin/* and /portal/* here; "/" matters in `vite` dev.
      { path: "/", element: <Navigate to="/admin" replace /> },
      ...adminRoutes,
      ...portalRoutes,
      {
        path: "*",
        element: (
          <Container component="main" size="sm" py={60}>
            <NotFoundPage homePath="/admin" />
          </Container>
        ),
      },
    ],
  },
]);
