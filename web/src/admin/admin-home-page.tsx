import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSignedInStaff } from "./admin-session";
import { ProgramCard } from "./program-card";

// /admin – the organization's programs and, in development, the local mailbox.
export function AdminHomePage() {
  const { t } = useTranslation();
  const { organization, programs, devMailbox } = useSignedInStaff();
  return (
    <Stack gap="xl">
      <Title order={1}>{t("admin.home.title")}</Title>
      <Stack component="section" gap="sm" aria-labelledby="programs-heading">
        <Title order={2} size="h3" id="programs-heading">
          {t("admin.home.programsTitle")}
        </Title>
        <Text c="dimmed">{t("admin.home.programsIntro", { organization: organization.name })}</Text>
        {programs.length === 0 ? (
          <Text>{t("admin.home.noPrograms")}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {programs.map((program) => (
              <ProgramCard key={program.id} program={program} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      {devMailbox ? (
        <Paper component="section" withBorder p="md" bg="yellow.0" aria-labelledby="dev-heading">
          <Title order={2} size="h4" id="dev-heading">
            {t("admin.home.devTitle")}
          </Title>
          <Text size="sm" mt={4}>
            <Anchor href="/dev/mailbox">{t("admin.home.devMailbox")}</Anchor>
            {" – "}
            {t("admin.home.devMailboxHint")}
          </Text>
        </Paper>
      ) : null}
    </Stack>
  );
}
