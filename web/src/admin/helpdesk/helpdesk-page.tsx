import { Group, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { helpdeskKeys } from "../../api/helpdesk-types";
import { ForbiddenNotice, ListSection, sortedBy, useKeysetList } from "../../app/list-kit";
import { PageHeader, PageLink } from "../../app/page-header";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { useCan } from "../admin-session";
import { getTicketCounts, listTickets } from "./helpdesk-api";
import { apiQueryFromFilters, firstOrderOf, ticketSearch } from "./helpdesk-filters";
import { HelpdeskFiltersForm } from "./helpdesk-filters-form";
import { useHelpdeskOptions, useReasonLabel } from "./helpdesk-queries";
import { HelpdeskViews } from "./helpdesk-views";
import { QuarantineLink } from "./quarantine-link";
import { TicketsTable } from "./tickets-table";

// /admin/helpdesk – the referrers' tickets: views with counts, filters, search, sort, keyset pages.
export function HelpdeskPage() {
  const { th } = useHelpdeskTranslation();
  const can = useCan();
  const isAllowed = can("helpdesk.work");
  const options = useHelpdeskOptions();
  const reasonLabel = useReasonLabel(options.data);
  const list = useKeysetList({
    search: ticketSearch,
    queryKey: (filters) => helpdeskKeys.adminList(filters),
    fetchPage: (filters, cursor) => listTickets(apiQueryFromFilters(filters), cursor),
    enabled: isAllowed,
    rowSelector: "[data-ticket-link]",
  });
  const { filters, apply } = list;
  const counts = useQuery({
    queryKey: helpdeskKeys.adminCounts(filters.programId),
    queryFn: () => getTicketCounts(filters.programId),
    enabled: isAllowed,
  });

  if (!isAllowed) return <ForbiddenNotice title={th("admin.title")} message={th("admin.forbidden")} />;
  return (
    <Stack gap="lg">
      <PageHeader
        title={th("admin.title")}
        intro={th("admin.intro")}
        actions={
          <Group gap="md">
            <QuarantineLink />
            <PageLink to="/admin/helpdesk/canned-replies">{th("admin.canned.title")}</PageLink>
            <PageLink to="/admin/helpdesk/settings">{th("admin.settings.title")}</PageLink>
          </Group>
        }
      />
      <HelpdeskViews
        view={filters.view}
        counts={counts.data}
        onChange={(view) => apply({ ...filters, view })}
      />
      <HelpdeskFiltersForm
        key={list.listSearch}
        filters={filters}
        options={options.data}
        listError={list.state.error}
        onApply={apply}
      />
      <ListSection
        list={list.state}
        isNarrowed={list.isNarrowed}
        heading={th("admin.results")}
        texts={{
          loadFailed: th("admin.loadFailed"),
          empty: th("admin.empty"),
          emptyFiltered: th("admin.emptyFiltered"),
          shown: th("admin.shown", { count: list.state.items.length }),
        }}
      >
        {(tickets) => (
          <TicketsTable
            tickets={tickets}
            sort={filters.sort}
            order={filters.order}
            onSort={(key) => apply(sortedBy(filters, key, firstOrderOf(key)))}
            reasonLabel={reasonLabel}
            listSearch={list.listSearch}
          />
        )}
      </ListSection>
    </Stack>
  );
}
