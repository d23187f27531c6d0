import { Button, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../app/formatting";
import { ListTable } from "../../app/list-kit";
import type { Suppression } from "./suppressions-api";

type SuppressionsTableProps = {
  suppressions: Suppression[];
  onLift: (suppression: Suppression, button: HTMLButtonElement) => void;
};

/** Each suppressed address with why, since when and the e-mail that caused it; the address first. */
export function SuppressionsTable({ suppressions, onLift }: SuppressionsTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ListTable
      minWidth={720}
      caption={t("admin.suppressions.table.caption")}
      columns={[
        t("admin.suppressions.table.email"),
        t("admin.suppressions.table.reason"),
        t("admin.suppressions.table.since"),
        t("admin.suppressions.table.source"),
        t("admin.suppressions.table.actions"),
      ]}
    >
      {suppressions.map((suppression) => (
        <Table.Tr key={suppression.id}>
          <Table.Th scope="row" fw={400} style={{ overflowWrap: "anywhere" }}>
            <Text fw={600} size="sm">
              {suppression.email}
            </Text>
            <Text size="xs" c="dimmed">
              {suppression.program.name}
            </Text>
          </Table.Th>
          <Table.Td>
            <Stack gap={0}>
              <Text size="sm">{t(`admin.suppressions.reasons.${suppression.reason}`)}</Text>
              {suppression.detail ? (
                <Text size="xs" c="dimmed">
                  {suppression.detail}
                </Text>
              ) : null}
            </Stack>
          </Table.Td>
          <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(suppression.createdAt)}</Table.Td>
          <Table.Td>
            {suppression.source ? (
              <Stack gap={0}>
                <Text size="sm">{suppression.source.subject ?? suppression.source.template}</Text>
                {suppression.source.sentAt ? (
                  <Text size="xs" c="dimmed">
                    {t("admin.suppressions.sentAt", { when: format.dateTime(suppression.source.sentAt) })}
                  </Text>
                ) : null}
              </Stack>
            ) : (
              "—"
            )}
          </Table.Td>
          <Table.Td>
            <Button
              size="xs"
              variant="default"
              onClick={(event) => onLift(suppression, event.currentTarget)}
              aria-label={t("admin.suppressions.liftLabel", { email: suppression.email })}
            >
              {t("admin.suppressions.lift")}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
