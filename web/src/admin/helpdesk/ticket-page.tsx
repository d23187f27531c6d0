import { Alert, Anchor, Button, Card, Center, Grid, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { isApiError } from "../../api/api-error";
import { type AdminTicketDetail, helpdeskKeys } from "../../api/helpdesk-types";
import { apiErrorMessage } from "../../app/api-error-message";
import { useFormatters } from "../../app/formatting";
import { LinkedReferralCard } from "../../app/linked-referral-card";
import { TicketPriorityBadge, TicketSituationBadge, TicketStatusBadge } from "../../app/ticket-status-badge";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { useCan, useSignedInStaff } from "../admin-session";
import { getTicket } from "./helpdesk-api";
import { useHelpdeskOptions, useReasonLabel } from "./helpdesk-queries";
import { ParticipantCard } from "./participant-card";
import { SenderUnverifiedBadge } from "./sender-unverified-badge";
import { TicketComposer } from "./ticket-composer";
import { TicketProperties } from "./ticket-properties";
import { TicketSlaCard } from "./ticket-sla-card";
import { TicketThread } from "./ticket-thread";

function listSearchFrom(state: unknown): string {
  return typeof state === "object" &&
    state !== null &&
    "listSearch" in state &&
    typeof state.listSearch === "string"
    ? state.listSearch
    : "";
}

// /admin/helpdesk/:id – one ticket: the thread, reply or note, properties, SLA and who wrote.
export function TicketPage() {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const can = useCan();
  const isAllowed = can("helpdesk.work");
  const ticket = useQuery({
    queryKey: helpdeskKeys.adminTicket(id),
    queryFn: () => getTicket(id),
    enabled: isAllowed,
  });
  const listSearch = listSearchFrom(location.state);
  const backLink = (
    <Anchor component={Link} to={`/admin/helpdesk${listSearch ? `?${listSearch}` : ""}`} size="sm">
      {th("admin.ticket.back")}
    </Anchor>
  );

  if (!isAllowed) return <Alert color="yellow">{th("admin.forbidden")}</Alert>;
  if (ticket.isPending) {
    return (
      <Center role="status" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (ticket.isError) {
    const isMissing = isApiError(ticket.error) && [404, 422].includes(ticket.error.status);
    return (
      <Stack gap="md" align="flex-start">
        {backLink}
        <Title order={1}>{isMissing ? th("admin.ticket.notFound") : th("admin.ticket.loadFailed")}</Title>
        {isMissing ? null : (
          <Alert color="red">
            <Stack gap="xs" align="flex-start">
              {apiErrorMessage(ticket.error, t)}
              <Button size="xs" variant="default" onClick={() => void ticket.refetch()}>
                {t("common.retry")}
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>
    );
  }
  return <TicketDetail ticket={ticket.data} backLink={backLink} />;
}

function TicketDetail({ ticket, backLink }: { ticket: AdminTicketDetail; backLink: React.ReactNode }) {
  const { th } = useHelpdeskTranslation();
  const format = useFormatters();
  const { csrfToken } = useSignedInStaff();
  const can = useCan();
  const options = useHelpdeskOptions();
  const reasonLabel = useReasonLabel(options.data);
  const reasonOf = (code: string) => reasonLabel({ programId: ticket.programId, contactReason: code });
  return (
    <Stack gap="lg">
      {backLink}
      <div>
        <Group gap="xs" mb={4}>
          <Text c="dimmed" size="sm">
            #{ticket.number}
          </Text>
          <TicketStatusBadge status={ticket.status} />
          <TicketPriorityBadge priority={ticket.priority} />
          <TicketSituationBadge situation={ticket.situation} reader="agent" />
          <SenderUnverifiedBadge isUnverified={ticket.senderUnverified} />
        </Group>
        <Title order={1} style={{ overflowWrap: "anywhere" }}>
          {ticket.subject}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {th("admin.ticket.opened", {
            date: format.dateTime(ticket.createdAt),
            name: ticket.participant.name,
            channel: th(`channel.${ticket.channel}`),
          })}
          {ticket.contactReason ? ` · ${reasonOf(ticket.contactReason)}` : ""}
        </Text>
        {ticket.previousTicket ? (
          <Text size="sm" mt={4} style={{ overflowWrap: "anywhere" }}>
            <Anchor component={Link} to={`/admin/helpdesk/${ticket.previousTicket.id}`}>
              {th("admin.ticket.continues", { number: ticket.previousTicket.number })}
            </Anchor>{" "}
            <Text span c="dimmed" size="sm">
              · {ticket.previousTicket.subject}
            </Text>
          </Text>
        ) : null}
      </div>
      {ticket.referral ? (
        <LinkedReferralCard referral={ticket.referral} to={`/admin/referrals/${ticket.referral.id}`} />
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <TicketThread ticket={ticket} reasonLabel={reasonOf} />
            <Card withBorder padding="lg">
              <TicketComposer ticket={ticket} csrfToken={csrfToken} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <TicketProperties ticket={ticket} options={options.data} csrfToken={csrfToken} />
            <TicketSlaCard ticket={ticket} />
            <ParticipantCard participant={ticket.participantCard} canOpenReferrals={can("referrals.work")} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
