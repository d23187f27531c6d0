import { Card, Title } from "@mantine/core";
import type { AdminTicketDetail } from "../../api/helpdesk-types";
import { type Fact, FactList } from "../../app/fact-list";
import { useFormatters } from "../../app/formatting";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { slaText } from "./sla-text";

/** The deadlines: first response (met, late, or due) and resolution; paused while not open. */
export function TicketSlaCard({ ticket }: { ticket: AdminTicketDetail }) {
  const { th } = useHelpdeskTranslation();
  const format = useFormatters();
  const firstResponse = ticket.firstResponseAt
    ? th(ticket.sla.firstResponseBreached ? "admin.sla.answeredLate" : "admin.sla.answered", {
        date: format.dateTime(ticket.firstResponseAt),
      })
    : th("admin.sla.due", { date: format.dateTime(ticket.firstResponseDueAt) });
  const resolution = ticket.resolvedAt
    ? th("admin.sla.resolvedAt", { date: format.dateTime(ticket.resolvedAt) })
    : th("admin.sla.due", { date: format.dateTime(ticket.resolutionDueAt) });
  const facts: Fact[] = [
    { label: th("admin.sla.now"), value: slaText(ticket.sla, th) },
    { label: th("admin.sla.firstResponse"), value: firstResponse },
    { label: th("admin.sla.resolution"), value: resolution },
  ];
  return (
    <Card withBorder component="section" aria-labelledby="ticket-sla" padding="lg">
      <Title order={2} size="h4" id="ticket-sla" mb="sm">
        {th("admin.sla.title")}
      </Title>
      <FactList facts={facts} labelWidth={120} />
    </Card>
  );
}
