import type { Permission } from "@shared/permissions";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import type { AdminSession } from "../api/admin-api";
import { apiErrorMessage } from "../app/api-error-message";
import { AreaShell } from "../app/area-shell";
import { ProgramTimeZone } from "../app/formatting";
import { SessionGate } from "../app/session-gate";
import { useHelpdeskTranslation } from "../i18n/helpdesk-translation";
import { adoptProfileLocale } from "../i18n/i18n";
import { hasPermission, useAdminSessionQuery, useSignOutStaff } from "./admin-session";

/** Everything under /admin except the sign-in page: needs a staff session. */
export function AdminArea() {
  const session = useAdminSessionQuery();
  return (
    <SessionGate session={session} signInPath="/admin/login">
      {(signedIn) => <AdminShell session={signedIn} />}
    </SessionGate>
  );
}

function AdminShell({ session }: { session: AdminSession }) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const signOut = useSignOutStaff(session.csrfToken);
  const { user, organization } = session;
  const can = (permission: Permission) => hasPermission(session, permission);

  useEffect(() => adoptProfileLocale(user.locale), [user.locale]);

  return (
    <AreaShell
      title={t("common.productName")}
      context={organization.name}
      person={{ name: user.name, detail: t(`admin.roles.${user.role}`) }}
      navItems={[
        { to: "/admin", label: t("common.home"), end: true },
        ...(can("referrals.work") ? [{ to: "/admin/referrals", label: t("admin.referrals.navLabel") }] : []),
        ...(can("helpdesk.work") ? [{ to: "/admin/helpdesk", label: th("admin.navLabel") }] : []),
        ...(can("rewards.manage")
          ? [
              { to: "/admin/rewards/catalog", label: t("admin.catalog.navLabel") },
              { to: "/admin/rewards/fulfilment", label: t("admin.fulfilment.navLabel") },
            ]
          : []),
        ...(can("registries.manage")
          ? [{ to: "/admin/registries", label: t("admin.registries.navLabel") }]
          : []),
        ...(can("materials.manage")
          ? [{ to: "/admin/materials", label: t("admin.materials.navLabel") }]
          : []),
        ...(can("suppressions.manage")
          ? [{ to: "/admin/settings/suppressions", label: t("admin.suppressions.navLabel") }]
          : []),
      ]}
      onSignOut={() => signOut.mutate()}
      isSigningOut={signOut.isPending}
      signOutError={signOut.isError ? apiErrorMessage(signOut.error, t) : undefined}
    >
      {/* Dates in the program's time zone; an organization with programs in several shows its first's. */}
      <ProgramTimeZone.Provider value={session.programs[0]?.timeZone}>
        <Outlet context={session} />
      </ProgramTimeZone.Provider>
    </AreaShell>
  );
}
