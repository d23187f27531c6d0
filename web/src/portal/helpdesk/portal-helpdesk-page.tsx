import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { helpdeskKeys, type PortalTicket } from "../../api/helpdesk-types";
import { apiErrorMessage } from "../../app/api-error-message";
import { useFormatters } from "../../app/formatting";
import { TicketSituationBadge, TicketStatusBadge } from "../../app/ticket-status-badge";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { listPortalTickets, type PortalTicketState } from "./portal-helpdesk-api";

// /portal/helpdesk – "Atendimento": the referrer's open and closed tickets, and a way to open one.
export function PortalHelpdeskPage() {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const state: PortalTicketState = searchParams.get("state") === "closed" ? "closed" : "open";
  const list = useInfiniteQuery({
    queryKey: helpdeskKeys.portalList(state),
    queryFn: ({ pageParam }) => listPortalTickets(state, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const tickets = list.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = list.data?.pages[0]?.counts;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{th("portal.title")}</Title>
          <Text c="dimmed" mt={4} maw={640}>
            {th("portal.intro")}
          </Text>
        </div>
        <Button component={Link} to="/portal/helpdesk/new">
          {th("portal.newTicket")}
        </Button>
      </Group>
      <Tabs
        value={state}
        onChange={(value) => setSearchParams(value === "closed" ? { state: "closed" } : {})}
        keepMounted={false}
      >
        <Tabs.List aria-label={th("portal.tabsLabel")}>
          {(["open", "closed"] as const).map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {th(`portal.tabs.${tab}`)}
              {counts ? ` (${counts[tab]})` : ""}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {list.isPending ? (
        <Center role="status" py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : list.isError && tickets.length === 0 ? (
        <Alert color="red" title={th("portal.loadFailed")}>
          <Stack gap="xs" align="flex-start">
            {apiErrorMessage(list.error, t)}
            <Button size="xs" variant="default" onClick={() => void list.refetch()}>
              {t("common.retry")}
            </Button>
          </Stack>
        </Alert>
      ) : tickets.length === 0 ? (
        <Text role="status">{th(`portal.empty.${state}`)}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {tickets.map((ticket) => (
            <li key={ticket.id}>
              <TicketCard ticket={ticket} />
            </li>
          ))}
          {list.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
              style={{ alignSelf: "center" }}
            >
              {th("portal.loadMore")}
            </Button>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}

function TicketCard({ ticket }: { ticket: PortalTicket }) {
  const { th } = useHelpdeskTranslation();
  const format = useFormatters();
  return (
    <Card withBorder padding="md" component="article" aria-label={ticket.subject}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Anchor
            component={Link}
            to={`/portal/helpdesk/${ticket.id}`}
            fw={600}
            style={{ overflowWrap: "anywhere" }}
          >
            {ticket.subject}
          </Anchor>
          <Text size="sm" c="dimmed">
            #{ticket.number} · {th("portal.lastMessage", { date: format.dateTime(ticket.lastMessageAt) })}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          {ticket.hasUnread ? (
            <Badge color="red" variant="filled" tt="none">
              {th("portal.unread")}
            </Badge>
          ) : null}
          {ticket.canReply ? (
            <TicketSituationBadge situation={ticket.situation} reader="participant" />
          ) : null}
          <TicketStatusBadge status={ticket.status} />
        </Group>
      </Group>
    </Card>
  );
}
