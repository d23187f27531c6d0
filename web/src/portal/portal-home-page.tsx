import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSignedInReferrer } from "./portal-session";

// /portal – greets the referrer and says which program they are in.
export function PortalHomePage() {
  const { t } = useTranslation();
  const { participant, program } = useSignedInReferrer();
  return (
    <Stack gap="sm">
      <Title order={1}>{t("portal.home.greeting", { name: participant.name })}</Title>
      <Text>{t("portal.home.signedInTo", { program: program.name })}</Text>
      {/* The landing page is rendered by the server, outside this app: a full navigation. */}
      <Anchor href={`/p/${encodeURIComponent(program.slug)}`}>{t("portal.home.landingPage")}</Anchor>
    </Stack>
  );
}
