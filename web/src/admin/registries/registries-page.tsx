import { Alert, Button, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../app/api-error-message";
import { PageHeader } from "../../app/page-header";
import { useCan, useSignedInStaff } from "../admin-session";
import { getRegistryCounts, registriesQueryKey, registryKinds } from "./registries-api";
import { RegistryImportCard } from "./registry-import-card";

// /admin/registries – the customer, pipeline and partner registries the referral checks consult.
export function RegistriesPage() {
  const { t } = useTranslation();
  const { csrfToken } = useSignedInStaff();
  const can = useCan();
  const isAllowed = can("registries.manage");
  const counts = useQuery({ queryKey: registriesQueryKey, queryFn: getRegistryCounts, enabled: isAllowed });

  return (
    <Stack gap="lg">
      <PageHeader title={t("admin.registries.title")} intro={t("admin.registries.intro")} introWidth={760} />
      {!isAllowed ? (
        <Alert color="yellow">{t("admin.registries.forbidden")}</Alert>
      ) : (
        <>
          {counts.isError ? (
            <Alert color="red" title={t("admin.registries.countsLoadFailed")}>
              <Stack gap="xs" align="flex-start">
                {apiErrorMessage(counts.error, t)}
                <Button size="xs" variant="default" onClick={() => void counts.refetch()}>
                  {t("common.retry")}
                </Button>
              </Stack>
            </Alert>
          ) : null}
          {registryKinds.map((kind) => (
            <RegistryImportCard key={kind} kind={kind} counts={counts.data} csrfToken={csrfToken} />
          ))}
          <Text size="sm" c="dimmed">
            {t("admin.registries.help.format")}
          </Text>
        </>
      )}
    </Stack>
  );
}
