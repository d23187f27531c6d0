import { Card, Table, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../app/formatting";
import { reasonLabel } from "../../app/referral-labels";
import type { ReferralEvent } from "./referrals-api";

/** Every move the referral made, oldest first, as the append-only event log records it. */
export function ReferralHistory({ events }: { events: ReferralEvent[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Card withBorder component="section" aria-labelledby="history-heading" padding="lg">
      <Title order={2} size="h3" id="history-heading" mb="sm">
        {t("admin.referral.history.title")}
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("admin.referral.history.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" fz="sm" captionSide="top">
            <Table.Caption style={{ textAlign: "start" }}>
              {t("admin.referral.history.caption")}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("admin.referral.history.when")}</Table.Th>
                <Table.Th scope="col">{t("admin.referral.history.move")}</Table.Th>
                <Table.Th scope="col">{t("admin.referral.history.reason")}</Table.Th>
                <Table.Th scope="col">{t("admin.referral.history.note")}</Table.Th>
                <Table.Th scope="col">{t("admin.referral.history.actor")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(event.createdAt)}</Table.Td>
                  <Table.Td>
                    {event.fromStatus
                      ? t(`referral.status.${event.fromStatus}`)
                      : t("admin.referral.history.created")}
                    {" → "}
                    <Text span fw={500} size="sm">
                      {t(`referral.status.${event.toStatus}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{reasonLabel(t, event.reason) || "—"}</Table.Td>
                  <Table.Td style={{ whiteSpace: "pre-wrap" }}>{event.note || "—"}</Table.Td>
                  <Table.Td>{actorName(event.actor, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function actorName(actor: ReferralEvent["actor"], t: TFunction): string {
  if (actor.kind === "system") return t("admin.referral.history.system");
  if (actor.kind === "contact") return t("admin.referral.history.contact");
  return actor.name ?? t("admin.referral.history.staff");
}
