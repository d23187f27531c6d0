import { Anchor, Divider, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { ReferralsSummary } from "./home/referrals-summary";
import { RewardsSummary } from "./home/rewards-summary";
import { useSignedInReferrer } from "./portal-session";
import { ReferCompany } from "./refer/refer-company";

// /portal – greets the referrer: their referrals by status, rewards earned, and "Indicar empresa". A
// helpdesk contact (not a referrer) has only the helpdesk, which is their home.
export function PortalHomePage() {
  const { t } = useTranslation();
  const { participant, program, permissions } = useSignedInReferrer();
  if (!permissions.includes("portal.referrals")) return <Navigate to="/portal/helpdesk" replace />;
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1}>{t("portal.home.greeting", { name: participant.name })}</Title>
        <Text>{t("portal.home.signedInTo", { program: program.name })}</Text>
        <ReferCompany />
      </Stack>
      <ReferralsSummary />
      <RewardsSummary />
      <Divider />
      {/* The landing page is rendered by the server, outside this app: a full navigation. */}
      <Anchor href={`/p/${encodeURIComponent(program.slug)}`}>{t("portal.home.landingPage")}</Anchor>
    </Stack>
  );
}
