import { Anchor, Badge, Button, Card, Group, Stack, Tabs, Text } from "@mantine/core";
import { Link } from "react-router";
import { helpdeskKeys, type PortalTicket } from "../../api/helpdesk-types";
import { useFormatters } from "../../app/formatting";
import { choiceParam, describeSearch, ListSection, useKeysetList } from "../../app/list-kit";
import { PageHeader } from "../../app/page-header";
import { TicketSituationBadge, TicketStatusBadge } from "../../app/ticket-status-badge";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { listPortalTickets } from "./portal-helpdesk-api";

const ticketStates = ["open", "closed"] as const;
const ticketsSearch = describeSearch({ state: choiceParam(ticketStates, "open") });

// /portal/helpdesk – "Atendimento": the referrer's open and closed tickets, and a way to open one.
export function PortalHelpdeskPage() {
  const { th } = useHelpdeskTranslation();
  const list = useKeysetList({
    search: ticketsSearch,
    queryKey: ({ state }) => helpdeskKeys.portalList(state),
    fetchPage: ({ state }, cursor) => listPortalTickets(state, cursor),
  });
  const { state } = list.filters;
  const counts = list.firstPage?.counts;

  return (
    <Stack gap="lg">
      <PageHeader
        title={th("portal.title")}
        intro={th("portal.intro")}
        introWidth={640}
        actions={
          <Button component={Link} to="/portal/helpdesk/new">
            {th("portal.newTicket")}
          </Button>
        }
      />
      <Tabs
        value={state}
        onChange={(value) => list.apply({ state: value === "closed" ? "closed" : "open" })}
        keepMounted={false}
      >
        <Tabs.List aria-label={th("portal.tabsLabel")}>
          {ticketStates.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {th(`portal.tabs.${tab}`)}
              {counts ? ` (${counts[tab]})` : ""}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <ListSection
        list={list.state}
        texts={{
          loadFailed: th("portal.loadFailed"),
          empty: th(`portal.empty.${state}`),
        }}
      >
        {(tickets) => (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {tickets.map((ticket) => (
              <li key={ticket.id}>
                <TicketCard ticket={ticket} />
              </li>
            ))}
          </Stack>
        )}
      </ListSection>
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
