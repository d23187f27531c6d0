import type { RouteObject } from "react-router";
import { NotFoundPage } from "../app/not-found-page";
import { NewTicketPage } from "./helpdesk/new-ticket-page";
import { PortalHelpdeskPage } from "./helpdesk/portal-helpdesk-page";
import { PortalTicketPage } from "./helpdesk/portal-ticket-page";
import { PortalMaterialsPage } from "./materials/portal-materials-page";
import { PortalArea } from "./portal-area";
import { PortalGoodbyePage } from "./portal-goodbye-page";
import { PortalHomePage } from "./portal-home-page";
import { PortalLoginPage } from "./portal-login-page";
import { PortalProfilePage } from "./profile/portal-profile-page";
import { PortalReferralPage } from "./referrals/portal-referral-page";
import { PortalReferralsPage } from "./referrals/portal-referrals-page";
import { PortalRewardsPage } from "./rewards/portal-rewards-page";

export const portalRoutes: RouteObject[] = [
  { path: "/portal/login", element: <PortalLoginPage /> },
  // After leaving the program there is no session: this page stands outside the signed-in area.
  { path: "/portal/goodbye", element: <PortalGoodbyePage /> },
  {
    path: "/portal",
    element: <PortalArea />,
    children: [
      { index: true, element: <PortalHomePage /> },
      { path: "referrals", element: <PortalReferralsPage /> },
      { path: "referrals/:id", element: <PortalReferralPage /> },
      { path: "rewards", element: <PortalRewardsPage /> },
      { path: "materials", element: <PortalMaterialsPage /> },
      { path: "profile", element: <PortalProfilePage /> },
      { path: "helpdesk", element: <PortalHelpdeskPage /> },
      { path: "helpdesk/new", element: <NewTicketPage /> },
      { path: "helpdesk/:id", element: <PortalTicketPage /> },
      { path: "*", element: <NotFoundPage homePath="/portal" /> },
    ],
  },
];
