import type { ParticipantPermission } from "@shared/permissions";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import type { PortalSession } from "../api/portal-api";
import { apiErrorMessage } from "../app/api-error-message";
import { AreaShell } from "../app/area-shell";
import { ProgramTimeZone } from "../app/formatting";
import { SessionGate } from "../app/session-gate";
import { useHelpdeskTranslation } from "../i18n/helpdesk-translation";
import { adoptProfileLocale } from "../i18n/i18n";
import { usePortalSessionQuery, useSignOutReferrer } from "./portal-session";

/** Everything under /portal except the sign-in page: needs a referrer session. */
export function PortalArea() {
  const session = usePortalSessionQuery();
  return (
    <SessionGate session={session} signInPath="/portal/login">
      {(signedIn) => <PortalShell session={signedIn} />}
    </SessionGate>
  );
}

function PortalShell({ session }: { session: PortalSession }) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const signOut = useSignOutReferrer(session);
  const { participant, program } = session;

  useEffect(() => adoptProfileLocale(participant.locale), [participant.locale]);
  // Each area shows only when the session allows it, as the staff area does.
  const areas: { to: string; label: string; permission: ParticipantPermission }[] = [
    { to: "/portal/referrals", label: t("portal.referrals.navLabel"), permission: "portal.referrals" },
    { to: "/portal/rewards", label: t("portal.rewards.navLabel"), permission: "portal.rewards" },
    { to: "/portal/materials", label: t("portal.materials.navLabel"), permission: "portal.materials" },
    { to: "/portal/helpdesk", label: th("portal.navLabel"), permission: "portal.helpdesk" },
    { to: "/portal/profile", label: t("portal.profile.navLabel"), permission: "portal.profile" },
  ];

  return (
    <AreaShell
      title={program.name}
      context={t("portal.areaName")}
      person={{ name: participant.name, detail: participant.email }}
      navItems={[
        { to: "/portal", label: t("common.home"), end: true },
        ...areas
          .filter((area) => session.permissions.includes(area.permission))
          .map(({ to, label }) => ({ to, label })),
      ]}
      onSignOut={() => signOut.mutate()}
      isSigningOut={signOut.isPending}
      signOutError={signOut.isError ? apiErrorMessage(signOut.error, t) : undefined}
    >
      <ProgramTimeZone.Provider value={program.timeZone}>
        <Outlet context={session} />
      </ProgramTimeZone.Provider>
    </AreaShell>
  );
}
