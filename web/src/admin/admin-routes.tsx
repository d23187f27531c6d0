import type { RouteObject } from "react-router";
import { NotFoundPage } from "../app/not-found-page";
import { AdminArea } from "./admin-area";
import { AdminHomePage } from "./admin-home-page";
import { AdminLoginPage } from "./admin-login-page";
import { CannedRepliesPage } from "./helpdesk/canned-replies-page";
import { HelpdeskPage } from "./helpdesk/helpdesk-page";
import { QuarantinePage } from "./helpdesk/quarantine-page";
import { SlaSettingsPage } from "./helpdesk/sla-settings-page";
import { TicketPage } from "./helpdesk/ticket-page";
import { MaterialsPage } from "./materials/materials-page";
import { ReferralDetailPage } from "./referrals/referral-detail-page";
import { ReferralsPage } from "./referrals/referrals-page";
import { RegistriesPage } from "./registries/registries-page";
import { CatalogPage } from "./rewards/catalog-page";
import { FulfilmentPage } from "./rewards/fulfilment-page";
import { SuppressionsPage } from "./settings/suppressions-page";

export const adminRoutes: RouteObject[] = [
  { path: "/admin/login", element: <AdminLoginPage /> },
  {
    path: "/admin",
    element: <AdminArea />,
    children: [
      { index: true, element: <AdminHomePage /> },
      { path: "referrals", element: <ReferralsPage /> },
      { path: "referrals/:id", element: <ReferralDetailPage /> },
      { path: "rewards/catalog", element: <CatalogPage /> },
      { path: "rewards/fulfilment", element: <FulfilmentPage /> },
      { path: "registries", element: <RegistriesPage /> },
      { path: "materials", element: <MaterialsPage /> },
      { path: "helpdesk", element: <HelpdeskPage /> },
      { path: "helpdesk/canned-replies", element: <CannedRepliesPage /> },
      { path: "helpdesk/settings", element: <SlaSettingsPage /> },
      { path: "helpdesk/quarantine", element: <QuarantinePage /> },
      { path: "helpdesk/:id", element: <TicketPage /> },
      { path: "settings/suppressions", element: <SuppressionsPage /> },
      { path: "*", element: <NotFoundPage homePath="/admin" /> },
    ],
  },
];
