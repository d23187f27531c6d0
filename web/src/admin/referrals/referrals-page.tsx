import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { queryKeys } from "../../api/query-keys";
import { ForbiddenNotice, ListSection, sortedBy, useKeysetList } from "../../app/list-kit";
import { PageHeader } from "../../app/page-header";
import { useCan, useSignedInStaff } from "../admin-session";
import { firstOrderOf, type ReferralFilters, referralSearch } from "./referral-filters";
import { ReferralFiltersForm } from "./referral-filters-form";
import { useReferralAssignees } from "./referral-staff";
import { listReferrals, referralsExportUrl } from "./referrals-api";
import { ReferralsTable } from "./referrals-table";

// /admin/referrals – the referrals of the organization's programs: filter, sort, page through, export.
export function ReferralsPage() {
  const { t, i18n } = useTranslation();
  const { programs } = useSignedInStaff();
  const can = useCan();
  const isAllowed = can("referrals.work");
  const staff = useReferralAssignees();
  const list = useKeysetList({
    search: referralSearch,
    queryKey: (filters) => queryKeys.adminReferralList(filters),
    fetchPage: (filters, cursor) => listReferrals(referralSearch.serialize(filters), cursor),
    enabled: isAllowed,
    rowSelector: "[data-referral-link]",
  });
  const { filters, apply } = list;
  const referrals = list.state.items;

  if (!isAllowed) {
    return <ForbiddenNotice title={t("admin.referrals.title")} message={t("admin.referrals.forbidden")} />;
  }
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("admin.referrals.title")}
        intro={t("admin.referrals.intro")}
        actions={
          <Button
            component="a"
            href={referralsExportUrl(referralSearch.serialize(filters), i18n.resolvedLanguage ?? "pt-BR")}
            download
            variant="default"
          >
            {t("admin.referrals.export")}
          </Button>
        }
      />
      <ReferralFiltersForm
        key={list.listSearch}
        filters={filters}
        programs={programs}
        staff={staff.data ?? []}
        listError={list.state.error}
        onApply={apply}
      />
      {filters.referrerId ? (
        <ReferrerNotice filters={filters} referrerName={referrals[0]?.referrer.name} />
      ) : null}
      <ListSection
        list={list.state}
        isNarrowed={list.isNarrowed}
        heading={t("admin.referrals.results")}
        texts={{
          loadFailed: t("admin.referrals.loadFailed"),
          empty: t("admin.referrals.empty"),
          emptyFiltered: t("admin.referrals.emptyFiltered"),
          shown: t("admin.referrals.shown", { count: referrals.length }),
        }}
      >
        {(items) => (
          <ReferralsTable
            referrals={items}
            sort={filters.sort}
            order={filters.order}
            onSort={(key) => apply(sortedBy(filters, key, firstOrderOf(key)))}
            listSearch={list.listSearch}
          />
        )}
      </ListSection>
    </Stack>
  );
}

/** The list narrowed to one referrer (a link from a row or a ticket), and the way back to everyone's. */
function ReferrerNotice({ filters, referrerName }: { filters: ReferralFilters; referrerName?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {referrerName
            ? t("admin.referrals.byReferrer", { name: referrerName })
            : t("admin.referrals.byReferrerUnknown")}
        </Text>
        <Anchor
          component={Link}
          to={`?${referralSearch.serialize({ ...filters, referrerId: "" })}`}
          size="sm"
        >
          {t("admin.referrals.allReferrers")}
        </Anchor>
      </Group>
    </Alert>
  );
}
