import { Badge, Group, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import type { TicketCounts } from "./helpdesk-api";
import { type TicketView, ticketViews } from "./helpdesk-filters";

function countOf(counts: TicketCounts, view: TicketView): number | null {
  switch (view) {
    case "active":
      return counts.status.open + counts.status.pending;
    case "mine":
    case "unassigned":
    case "overdue":
      return counts[view];
    case "all":
      return null;
    default:
      return counts.status[view];
  }
}

type HelpdeskViewsProps = {
  view: TicketView;
  counts: TicketCounts | undefined;
  onChange: (view: TicketView) => void;
};

/** The views as tabs, each with how many tickets it holds ("10.000+" past the count's cap). */
export function HelpdeskViews({ view, counts, onChange }: HelpdeskViewsProps) {
  const { i18n } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  return (
    <Tabs value={view} onChange={(value) => value && onChange(value as TicketView)} keepMounted={false}>
      <Tabs.List aria-label={th("admin.views.label")}>
        {ticketViews.map((key) => {
          const count = counts ? countOf(counts, key) : null;
          const shown =
            count === null
              ? null
              : count > (counts?.cap ?? Number.POSITIVE_INFINITY)
                ? th("admin.views.over", { count: number.format(counts!.cap) })
                : number.format(count);
          return (
            <Tabs.Tab key={key} value={key}>
              <Group gap={6} wrap="nowrap">
                {th(`admin.views.${key}`)}
                {shown === null ? null : (
                  <Badge
                    size="sm"
                    variant={key === "overdue" && count ? "filled" : "light"}
                    color={key === "overdue" && count ? "red" : "gray"}
                  >
                    {shown}
                  </Badge>
                )}
              </Group>
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
    </Tabs>
  );
}
