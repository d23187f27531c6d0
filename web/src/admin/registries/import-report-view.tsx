import { Alert, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "./registries-api";

/** The server lists at most this many problems per import. */
const MAX_LISTED_ERRORS = 100;

/** What an import did, and the rows it refused with why, so the file can be fixed and sent again. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const hasProblems = report.rejected > 0;
  return (
    <Alert color={hasProblems ? "yellow" : "green"} title={t("admin.registries.report.title")} mt="md">
      <Group gap="lg">
        {(["total", "inserted", "updated", "rejected"] as const).map((key) => (
          <div key={key}>
            <Text size="xs" c="dimmed">
              {t(`admin.registries.report.${key}`)}
            </Text>
            <Text fw={700}>{number.format(report[key])}</Text>
          </div>
        ))}
      </Group>
      {report.errors.length > 0 ? (
        <>
          <Text size="sm" fw={500} mt="sm">
            {t("admin.registries.report.errorsTitle")}
          </Text>
          <Table.ScrollContainer minWidth={480} mah={320}>
            <Table striped withTableBorder fz="xs" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("admin.registries.report.line")}</Table.Th>
                  <Table.Th scope="col">{t("admin.registries.report.column")}</Table.Th>
                  <Table.Th scope="col">{t("admin.registries.report.problem")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.errors.map((error) => (
                  <Table.Tr key={`${error.line}-${error.field}-${error.code}`}>
                    <Table.Td>{error.line}</Table.Td>
                    {/* A column or problem this page has no words for yet shows as the server says it. */}
                    <Table.Td>
                      {t(`admin.registries.fields.${error.field}`, { defaultValue: error.field })}
                    </Table.Td>
                    <Table.Td>
                      {t(`admin.registries.rowErrors.${error.code}`, { defaultValue: error.message })}
                      {error.value ? (
                        <Text span c="dimmed" fz="xs">
                          {" "}
                          ({error.value})
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {report.errors.length >= MAX_LISTED_ERRORS ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t("admin.registries.report.errorsTruncated", { shown: report.errors.length })}
            </Text>
          ) : null}
        </>
      ) : null}
    </Alert>
  );
}
