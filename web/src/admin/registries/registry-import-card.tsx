import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import { apiErrorMessage } from "../../app/api-error-message";
import { ImportReportView } from "./import-report-view";
import {
  importRegistryFile,
  type RegistryCounts,
  type RegistryKind,
  registriesQueryKey,
} from "./registries-api";

const countKey = {
  customers: "customers",
  pipeline: "pipeline",
  "partner-customers": "partnerCustomers",
} as const satisfies Record<RegistryKind, keyof RegistryCounts>;

type RegistryImportCardProps = { kind: RegistryKind; counts: RegistryCounts | undefined; csrfToken: string };

/** One registry: how many rows it holds, the columns it accepts, and a file upload with its report. */
export function RegistryImportCard({ kind, counts, csrfToken }: RegistryImportCardProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const key = countKey[kind];
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => importRegistryFile(kind, chosen, csrfToken),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registriesQueryKey }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) upload.mutate(file);
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="sm">
          <div>
            <Group justify="space-between" align="baseline" gap="xs">
              <Title order={2} size="h3" id={headingId}>
                {t(`admin.registries.kinds.${key}.title`)}
              </Title>
              {counts ? (
                <Text size="lg" fw={700}>
                  {t("admin.registries.rows", {
                    count: counts[key],
                    formatted: new Intl.NumberFormat(i18n.language).format(counts[key]),
                  })}
                </Text>
              ) : (
                <Skeleton height={24} width={100} aria-label={t("common.loading")} />
              )}
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {t(`admin.registries.kinds.${key}.description`)}
            </Text>
          </div>
          <ColumnsHelp kind={kind} />
        </Stack>
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <FileInput
              label={t("admin.registries.fileLabel")}
              placeholder={t("admin.registries.filePlaceholder")}
              accept=".csv,text/csv"
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                upload.reset();
              }}
              clearable
              disabled={upload.isPending}
            />
            <Button
              type="submit"
              disabled={!file}
              loading={upload.isPending}
              style={{ alignSelf: "flex-start" }}
            >
              {t("admin.registries.import")}
            </Button>
          </Stack>
        </form>
      </SimpleGrid>
      <div role="status" aria-live="polite">
        {upload.isPending ? (
          <Stack gap={4} mt="md">
            <Progress value={100} striped animated aria-label={t("admin.registries.importing")} />
            <Text size="sm" c="dimmed">
              {t("admin.registries.importing")}
            </Text>
          </Stack>
        ) : null}
        {upload.isError ? (
          <Alert color="red" mt="md">
            {uploadErrorMessage(upload.error, t)}
          </Alert>
        ) : null}
        {upload.data ? <ImportReportView report={upload.data} /> : null}
      </div>
    </Card>
  );
}

function ColumnsHelp({ kind }: { kind: RegistryKind }) {
  const { t } = useTranslation();
  const help = {
    customers: [
      t("admin.registries.help.identifyCompany"),
      t("admin.registries.help.status"),
      t("admin.registries.help.churnedOn"),
    ],
    pipeline: [t("admin.registries.help.identifyLead"), t("admin.registries.help.enteredOn")],
    "partner-customers": [t("admin.registries.help.identifyCompany")],
  }[kind];
  return (
    <div>
      <Text size="sm" fw={500}>
        {t("admin.registries.help.columnsTitle")}
      </Text>
      <List size="sm" spacing={2} mt={2}>
        {help.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </div>
  );
}

// One literal key per case: a template-literal key over the whole catalogue is too deep for i18next's types.
function uploadErrorMessage(error: unknown, t: ReturnType<typeof useTranslation>["t"]): string {
  switch (isApiError(error) ? error.code : null) {
    case "csv_empty":
      return t("admin.registries.fileErrors.csv_empty");
    case "csv_header_invalid":
      return t("admin.registries.fileErrors.csv_header_invalid");
    case "csv_unreadable":
      return t("admin.registries.fileErrors.csv_unreadable");
    case "body_too_large":
      return t("admin.registries.fileErrors.body_too_large");
    case "role_forbidden":
      return t("admin.registries.forbidden");
    default:
      return apiErrorMessage(error, t);
  }
}
