import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Shown for an unknown address inside an area; `homePath` leads back to that area's start. */
export function NotFoundPage({ homePath }: { homePath: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={1}>{t("notFound.title")}</Title>
      <Text>{t("notFound.body")}</Text>
      <Anchor component={Link} to={homePath}>
        {t("notFound.backHome")}
      </Anchor>
    </Stack>
  );
}
