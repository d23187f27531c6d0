import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { queryKeys } from "../../api/query-keys";
import { apiErrorMessage } from "../../app/api-error-message";
import { useFocusNewRows } from "../../app/focus-new-rows";
import { useCan, useSignedInStaff } from "../admin-session";
import {
  filtersFromSearch,
  hasActiveFilters,
  type ReferralFilters,
  type SortKey,
  searchFromFilters,
} from "./referral-filters";
import { ReferralFiltersForm } from "./referral-filters-form";
import { useSalesStaff } from "./referral-staff";
import { listReferrals, referralsExportUrl } from "./referrals-api";
import { ReferralsTable } from "./referrals-table";

// /admin/referrals – the referrals of the organization's programs: filter, sort, page through, export.
export function ReferralsPage() {
  const { t } = useTranslation();
  const { programs } = useSignedInStaff();
  const can = useCan();
  const isAllowed = can("referrals.work");
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const apiQuery = searchFromFilters(filters);
  const staff = useSalesStaff();
  const tableRef = useRef<HTMLTableElement>(null);
  const list = useInfiniteQuery({
    queryKey: queryKeys.adminReferralList(filters),
    queryFn: ({ pageParam }) => listReferrals(apiQuery, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: isAllowed,
  });
  const referrals = list.data?.pages.flatMap((page) => page.items) ?? [];

  const apply = (next: ReferralFilters) => setSearchParams(searchFromFilters(next));
  function sortBy(key: SortKey) {
    const order = filters.sort === key ? (filters.order === "asc" ? "desc" : "asc") : defaultOrder(key);
    apply({ ...filters, sort: key, order });
  }
  const expectNewRows = useFocusNewRows(tableRef, "[data-referral-link]", referrals.length);
  function loadMore() {
    expectNewRows();
    void list.fetchNextPage();
  }

  if (!isAllowed) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t("admin.referrals.title")}</Title>
        <Alert color="yellow">{t("admin.referrals.forbidden")}</Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t("admin.referrals.title")}</Title>
          <Text c="dimmed" mt={4}>
            {t("admin.referrals.intro")}
          </Text>
        </div>
        <Button component="a" href={referralsExportUrl(apiQuery)} download variant="default">
          {t("admin.referrals.export")}
        </Button>
      </Group>
      <ReferralFiltersForm
        key={searchParams.toString()}
        filters={filters}
        programs={programs}
        staff={staff.data ?? []}
        listError={list.error}
        onApply={apply}
      />
      {filters.referrerId ? (
        <Alert color="blue" variant="light">
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              {referrals[0]
                ? t("admin.referrals.byReferrer", { name: referrals[0].referrer.name })
                : t("admin.referrals.byReferrerUnknown")}
            </Text>
            <Anchor component={Link} to={`?${searchFromFilters({ ...filters, referrerId: "" })}`} size="sm">
              {t("admin.referrals.allReferrers")}
            </Anchor>
          </Group>
        </Alert>
      ) : null}
      <Stack gap="sm" component="section" aria-labelledby="referral-results">
        <Title order={2} size="h4" id="referral-results">
          {t("admin.referrals.results")}
        </Title>
        {list.isPending ? (
          <Center role="status" py="xl">
            <Loader aria-label={t("common.loading")} />
          </Center>
        ) : list.isError && referrals.length === 0 ? (
          <Alert color="red" title={t("admin.referrals.loadFailed")}>
            <Stack gap="xs" align="flex-start">
              {apiErrorMessage(list.error, t)}
              <Button size="xs" variant="default" onClick={() => void list.refetch()}>
                {t("common.retry")}
              </Button>
            </Stack>
          </Alert>
        ) : referrals.length === 0 ? (
          <Text role="status">
            {hasActiveFilters(filters) ? t("admin.referrals.emptyFiltered") : t("admin.referrals.empty")}
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" role="status">
              {t("admin.referrals.shown", { count: referrals.length })}
            </Text>
            <ReferralsTable
              referrals={referrals}
              sort={filters.sort}
              order={filters.order}
              onSort={sortBy}
              listSearch={searchParams.toString()}
              tableRef={tableRef}
            />
            {list.isFetchNextPageError ? <Alert color="red">{apiErrorMessage(list.error, t)}</Alert> : null}
            {list.hasNextPage ? (
              <Button
                variant="default"
                onClick={loadMore}
                loading={list.isFetchingNextPage}
                style={{ alignSelf: "center" }}
              >
                {t("admin.referrals.loadMore")}
              </Button>
            ) : null}
          </>
        )}
      </Stack>
    </Stack>
  );
}

function defaultOrder(key: SortKey): "asc" | "desc" {
  return key === "companyName" ? "asc" : "desc";
}
