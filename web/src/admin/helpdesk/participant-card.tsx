import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ParticipantCard as Participant } from "../../api/helpdesk-types";
import { type Fact, FactList } from "../../app/fact-list";
import { useFormatters } from "../../app/formatting";
import { TicketStatusBadge } from "../../app/ticket-status-badge";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";

/** Who wrote: contact, standing in the program, their referrals with statuses, their other tickets. */
export function ParticipantCard({
  participant,
  canOpenReferrals,
}: {
  participant: Participant;
  canOpenReferrals: boolean;
}) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const format = useFormatters();
  const facts: Fact[] = [
    { label: th("admin.participant.email"), value: participant.email },
    { label: th("admin.participant.phone"), value: participant.phone ?? "—" },
    { label: th("admin.participant.since"), value: format.date(participant.createdAt) },
    {
      label: th("admin.participant.customer"),
      value: participant.isCustomer ? t("common.yes") : t("common.no"),
    },
  ];
  return (
    <Card withBorder component="section" aria-labelledby="participant-card" padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="participant-card">
          {participant.name}
        </Title>
        {participant.status === "left" ? (
          <Badge color="gray" tt="none">
            {th("admin.participant.left")}
          </Badge>
        ) : null}
        {participant.kind === "contact" ? (
          <Badge color="blue" variant="light" tt="none">
            {th("admin.participant.contact")}
          </Badge>
        ) : null}
      </Group>
      <Stack gap="md">
        <FactList facts={facts} labelWidth={110} />
        <div>
          <Text size="sm" fw={600} mb={4}>
            {th("admin.participant.referrals")}
          </Text>
          {participant.referrals.length === 0 ? (
            <Text size="sm" c="dimmed">
              {th("admin.participant.noReferrals")}
            </Text>
          ) : (
            <List size="sm" spacing={4} listStyleType="none" p={0}>
              {participant.referrals.map((referral) => (
                <List.Item key={referral.id}>
                  {canOpenReferrals ? (
                    <Anchor component={Link} to={`/admin/referrals/${referral.id}`} size="sm">
                      {referral.companyName}
                    </Anchor>
                  ) : (
                    <Text component="span" size="sm">
                      {referral.companyName}
                    </Text>
                  )}
                  <Text component="span" size="xs" c="dimmed">
                    {" "}
                    — {t(`referral.status.${referral.status as "in_progress"}`)}
                    {referral.reason
                      ? ` (${t(`referral.reason.${referral.reason as "invalid_email"}`)})`
                      : ""}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {th("admin.participant.otherTickets")}
          </Text>
          {participant.otherTickets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {th("admin.participant.noOtherTickets")}
            </Text>
          ) : (
            <Stack gap={4}>
              {participant.otherTickets.map((other) => (
                <Group key={other.id} gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/admin/helpdesk/${other.id}`} size="sm" lineClamp={1}>
                    #{other.number} {other.subject}
                  </Anchor>
                  <TicketStatusBadge status={other.status} />
                </Group>
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Card>
  );
}
