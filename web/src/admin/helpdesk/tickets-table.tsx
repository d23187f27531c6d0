import { Anchor, Stack, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import type { RefObject } from "react";
import { Link } from "react-router";
import type { AdminTicket } from "../../api/helpdesk-types";
import { useFormatters } from "../../app/formatting";
import { TicketPriorityBadge, TicketSituationBadge, TicketStatusBadge } from "../../app/ticket-status-badge";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import type { SortOrder, TicketSort } from "./helpdesk-filters";
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
  tableRef: RefObject<HTMLTableElement | null>;
};

/** The seed's columns (situação, assunto, participante, prioridade, motivo do contato, status), then
 * assignee, SLA and last activity. Text from referrers is rendered as text: React escapes it. */
export function TicketsTable(props: TicketsTableProps) {
  const { tickets, sort, order, onSort, reasonLabel, listSearch, tableRef } = props;
  const { th } = useHelpdeskTranslation();
  const format = useFormatters();
  const sortable = (key: TicketSort, label: string) => (
    <SortableHeader label={label} isActive={sort === key} order={order} onSort={() => onSort(key)} />
  );
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table ref={tableRef} striped highlightOnHover verticalSpacing="xs" fz="sm" captionSide="top">
        <Table.Caption style={{ textAlign: "start" }}>
          {th("admin.table.caption", {
            sort: th(`admin.table.sortNames.${sort}`),
            order: th(`admin.table.orderNames.${order}`),
          })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{th("admin.table.situation")}</Table.Th>
            <Table.Th scope="col">{th("admin.table.subject")}</Table.Th>
            <Table.Th scope="col">{th("admin.table.participant")}</Table.Th>
            {sortable("priority", th("admin.table.priority"))}
            <Table.Th scope="col">{th("admin.table.contactReason")}</Table.Th>
            <Table.Th scope="col">{th("admin.table.status")}</Table.Th>
            <Table.Th scope="col">{th("admin.table.assignee")}</Table.Th>
            {sortable("dueAt", th("admin.table.sla"))}
            {sortable("lastActivityAt", th("admin.table.lastActivity"))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket) => (
            <Table.Tr key={ticket.id}>
              <Table.Td>
                <TicketSituationBadge situation={ticket.situation} reader="agent" />
              </Table.Td>
              <Table.Th scope="row" fw={500} miw={220}>
                <Anchor
                  component={Link}
                  to={`/admin/helpdesk/${ticket.id}`}
                  state={{ listSearch }}
                  data-ticket-link
                >
                  {ticket.subject}
                </Anchor>
                <Text size="xs" c="dimmed">
                  #{ticket.number}
                </Text>
              </Table.Th>
              <Table.Td>
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
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm" c={slaColor(ticket.sla)} fw={ticket.sla.isOverdue ? 600 : undefined}>
                  {slaText(ticket.sla, th)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(ticket.lastActivityAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type SortableHeaderProps = { label: string; isActive: boolean; order: SortOrder; onSort: () => void };

/** A header that sorts; `aria-sort` tells screen readers which column orders the rows and how. */
function SortableHeader({ label, isActive, order, onSort }: SortableHeaderProps) {
  const { th } = useHelpdeskTranslation();
  const ariaSort = isActive ? (order === "asc" ? "ascending" : "descending") : "none";
  const arrow = isActive ? (order === "asc" ? "▲" : "▼") : "↕";
  return (
    <Table.Th scope="col" aria-sort={ariaSort}>
      <UnstyledButton onClick={onSort} fw={700} fz="sm" style={{ whiteSpace: "nowrap" }}>
        {label} <span aria-hidden="true">{arrow}</span>
        <VisuallyHidden>{th("admin.table.sortHint")}</VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}
