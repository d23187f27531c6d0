import { Container } from "@mantine/core";
import { createBrowserRouter, Navigate } from "react-router";
import { adminRoutes } from "../admin/admin-routes";
import { portalRoutes } from "../portal/portal-routes";
import { NotFoundPage } from "./not-found-page";

export const router = createBrowserRouter([
  // The server sends only /admin/* and /portal/* here; "/" matters in `vite` dev.
  { path: "/", element: <Navigate to="/admin" replace /> },
  ...adminRoutes,
  ...portalRoutes,
  {
    path: "*",
    element: (
      <Container component="main" size="sm" py="xl">
        <NotFoundPage homePath="/admin" />
      </Container>
    ),
  },
]);
