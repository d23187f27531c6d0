import { Anchor, Group, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { AdminTicket } from "../../api/helpdesk-types";
import { useFormatters } from "../../app/formatting";
import { ListTable, type SortOrder, sortableHeaders } from "../../app/list-kit";
import { TicketPriorityBadge, TicketSituationBadge, TicketStatusBadge } from "../../app/ticket-status-badge";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import type { TicketSort } from "./helpdesk-filters";
import { SenderUnverifiedBadge } from "./sender-unverified-badge";
import { slaColor, slaText } from "./sla-text";

type TicketsTableProps = {
  tickets: AdminTicket[];
  sort: TicketSort;
  order: SortOrder;
  onSort: (sort: TicketSort) => void;
  /** The contact reason's words for a ticket (reasons are per program). */
  reasonLabel: (ticket: AdminTicket) => string;
  /** The list's query string, carried to the ticket so its "back" link returns here. */
  listSearch: string;
};

/** The seed's columns (situação, assunto, participante, prioridade, motivo do contato, status), then
 * assignee, SLA and last activity. Text from referrers is rendered as text: React escapes it. */
export function TicketsTable(props: TicketsTableProps) {
  const { tickets, sort, order, onSort, reasonLabel, listSearch } = props;
  const { th } = useHelpdeskTranslation();
  const format = useFormatters();
  const sortable = sortableHeaders({ sort, order, onSort, hint: th("admin.table.sortHint") });
  return (
    <ListTable
      minWidth={340}
      density="compact"
      highlightOnHover
      caption={th("admin.table.caption", {
        sort: th(`admin.table.sortNames.${sort}`),
        order: th(`admin.table.orderNames.${order}`),
      })}
      columns={[
        // Narrower lists drop columns, least needed first; the situation and subject always stay.
        th("admin.table.situation"),
        th("admin.table.subject"),
        { header: th("admin.table.participant"), hideBelow: 760 },
        { header: sortable("priority", th("admin.table.priority")), hideBelow: 620 },
        { header: th("admin.table.contactReason"), hideBelow: 980 },
        { header: th("admin.table.status"), hideBelow: 520 },
        { header: th("admin.table.assignee"), hideBelow: 880 },
        { header: sortable("dueAt", th("admin.table.sla")), hideBelow: 440 },
        { header: sortable("lastActivityAt", th("admin.table.lastActivity")), hideBelow: 700 },
      ]}
    >
      {tickets.map((ticket) => (
        <Table.Tr key={ticket.id}>
          <Table.Td>
            <TicketSituationBadge situation={ticket.situation} reader="agent" wrap />
          </Table.Td>
          <Table.Th scope="row" fw={500} miw={160}>
            <Anchor
              component={Link}
              to={`/admin/helpdesk/${ticket.id}`}
              state={{ listSearch }}
              data-ticket-link
            >
              {ticket.subject}
            </Anchor>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                #{ticket.number}
              </Text>
              <SenderUnverifiedBadge isUnverified={ticket.senderUnverified} />
            </Group>
          </Table.Th>
          <Table.Td style={{ overflowWrap: "anywhere" }}>
            <Stack gap={0}>
              <Text size="sm">{ticket.participant.name}</Text>
              <Text size="xs" c="dimmed">
                {ticket.participant.email}
              </Text>
            </Stack>
          </Table.Td>
          <Table.Td>
            <TicketPriorityBadge priority={ticket.priority} />
          </Table.Td>
          <Table.Td>{reasonLabel(ticket) || "—"}</Table.Td>
          <Table.Td>
            <TicketStatusBadge status={ticket.status} />
          </Table.Td>
          <Table.Td>{ticket.assignee?.name ?? th("admin.unassigned")}</Table.Td>
          <Table.Td miw={96}>
            <Text size="sm" c={slaColor(ticket.sla)} fw={ticket.sla.isOverdue ? 600 : undefined}>
              {slaText(ticket.sla, th)}
            </Text>
          </Table.Td>
          {/* Date and time may take two lines: the column stays narrow enough for all nine. */}
          <Table.Td miw={90}>{format.dateTime(ticket.lastActivityAt)}</Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
