import { Anchor, Card, Code, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProgramSummary } from "../api/admin-api";

/** One program with the two places it lives for outsiders: its public page and its referrer portal. */
export function ProgramCard({ program }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  const slug = encodeURIComponent(program.slug);
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={`program-${program.id}`}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={`program-${program.id}`}>
          {program.name}
        </Title>
        <Text size="sm" c="dimmed">
          {t("admin.home.slug")}: <Code>{program.slug}</Code>
        </Text>
        <Group gap="lg" mt="xs">
          {/* Server-rendered page, not part of this app: a full navigation. */}
          <Anchor href={`/p/${slug}`}>{t("admin.home.landingPage")}</Anchor>
          <Anchor component={Link} to={`/portal/login?program=${slug}`}>
            {t("admin.home.referrerPortal")}
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
