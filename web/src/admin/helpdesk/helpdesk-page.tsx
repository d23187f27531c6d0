import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { helpdeskKeys } from "../../api/helpdesk-types";
import { apiErrorMessage } from "../../app/api-error-message";
import { useFocusNewRows } from "../../app/focus-new-rows";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { useCan } from "../admin-session";
import { getTicketCounts, listTickets } from "./helpdesk-api";
import {
  apiQueryFromFilters,
  filtersFromSearch,
  hasActiveFilters,
  searchFromFilters,
  type TicketFilters,
  type TicketSort,
} from "./helpdesk-filters";
import { HelpdeskFiltersForm } from "./helpdesk-filters-form";
import { useHelpdeskOptions, useReasonLabel } from "./helpdesk-queries";
import { HelpdeskViews } from "./helpdesk-views";
import { QuarantineLink } from "./quarantine-link";
import { TicketsTable } from "./tickets-table";

// /admin/helpdesk – the referrers' tickets: views with counts, filters, search, sort, keyset pages.
export function HelpdeskPage() {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const can = useCan();
  const isAllowed = can("helpdesk.work");
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const apiQuery = apiQueryFromFilters(filters);
  const options = useHelpdeskOptions();
  const reasonLabel = useReasonLabel(options.data);
  const tableRef = useRef<HTMLTableElement>(null);
  const counts = useQuery({
    queryKey: helpdeskKeys.adminCounts(filters.programId),
    queryFn: () => getTicketCounts(filters.programId),
    enabled: isAllowed,
  });
  const list = useInfiniteQuery({
    queryKey: helpdeskKeys.adminList(filters),
    queryFn: ({ pageParam }) => listTickets(apiQuery, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: isAllowed,
  });
  const tickets = list.data?.pages.flatMap((page) => page.items) ?? [];
  const apply = (next: TicketFilters) => setSearchParams(searchFromFilters(next));
  function sortBy(key: TicketSort) {
    const order =
      filters.sort === key ? (filters.order === "asc" ? "desc" : "asc") : key === "dueAt" ? "asc" : "desc";
    apply({ ...filters, sort: key, order });
  }
  const expectNewRows = useFocusNewRows(tableRef, "[data-ticket-link]", tickets.length);

  if (!isAllowed) {
    return (
      <Stack gap="lg">
        <Title order={1}>{th("admin.title")}</Title>
        <Alert color="yellow">{th("admin.forbidden")}</Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{th("admin.title")}</Title>
          <Text c="dimmed" mt={4}>
            {th("admin.intro")}
          </Text>
        </div>
        <Group gap="md">
          <QuarantineLink />
          <Anchor component={Link} to="/admin/helpdesk/canned-replies" size="sm">
            {th("admin.canned.title")}
          </Anchor>
          <Anchor component={Link} to="/admin/helpdesk/settings" size="sm">
            {th("admin.settings.title")}
          </Anchor>
        </Group>
      </Group>
      <HelpdeskViews
        view={filters.view}
        counts={counts.data}
        onChange={(view) => apply({ ...filters, view })}
      />
      <HelpdeskFiltersForm
        key={searchParams.toString()}
        filters={filters}
        options={options.data}
        listError={list.error}
        onApply={apply}
      />
      <Stack gap="sm" component="section" aria-labelledby="ticket-results">
        <Title order={2} size="h4" id="ticket-results">
          {th("admin.results")}
        </Title>
        {list.isPending ? (
          <Center role="status" py="xl">
            <Loader aria-label={t("common.loading")} />
          </Center>
        ) : list.isError && tickets.length === 0 ? (
          <Alert color="red" title={th("admin.loadFailed")}>
            <Stack gap="xs" align="flex-start">
              {apiErrorMessage(list.error, t)}
              <Button size="xs" variant="default" onClick={() => void list.refetch()}>
                {t("common.retry")}
              </Button>
            </Stack>
          </Alert>
        ) : tickets.length === 0 ? (
          <Text role="status">
            {hasActiveFilters(filters) ? th("admin.emptyFiltered") : th("admin.empty")}
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" role="status">
              {th("admin.shown", { count: tickets.length })}
            </Text>
            <TicketsTable
              tickets={tickets}
              sort={filters.sort}
              order={filters.order}
              onSort={sortBy}
              reasonLabel={reasonLabel}
              listSearch={searchParams.toString()}
              tableRef={tableRef}
            />
            {list.isFetchNextPageError ? <Alert color="red">{apiErrorMessage(list.error, t)}</Alert> : null}
            {list.hasNextPage ? (
              <Button
                variant="default"
                onClick={() => {
                  expectNewRows();
                  void list.fetchNextPage();
                }}
                loading={list.isFetchingNextPage}
                style={{ alignSelf: "center" }}
              >
                {th("admin.loadMore")}
              </Button>
            ) : null}
          </>
        )}
      </Stack>
    </Stack>
  );
}
