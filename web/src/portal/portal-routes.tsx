import type { RouteObject } from "react-router";
import { NotFoundPage } from "../app/not-found-page";
import { PortalArea } from "./portal-area";
import { PortalHomePage } from "./portal-home-page";
import { PortalLoginPage } from "./portal-login-page";
import { PortalRewardsPage } from "./rewards/portal-rewards-page";

export const portalRoutes: RouteObject[] = [
  { path: "/portal/login", element: <PortalLoginPage /> },
  {
    path: "/portal",
    element: <PortalArea />,
    children: [
      { index: true, element: <PortalHomePage /> },
      { path: "rewards", element: <PortalRewardsPage /> },
      { path: "*", element: <NotFoundPage homePath="/portal" /> },
    ],
  },
];
