import { Stack } from "@mantine/core";
import { referralStatuses } from "@shared/referral-codes";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { describeSearch, ListSection, oneOfParam, useKeysetList } from "../../app/list-kit";
import { PageHeader } from "../../app/page-header";
import { ReferCompany } from "../refer/refer-company";
import { listPortalReferrals } from "./portal-referrals-api";
import { ReferralCard } from "./referral-card";
import { StatusFilter } from "./status-filter";

const PAGE_SIZE = 20;
/** `?status=`: the status e-mails and the home's counts link here with one. */
const referralsSearch = describeSearch({ status: oneOfParam(referralStatuses) });

// /portal/referrals[?status=] – "Minhas Indicações": every referral, its status and reason in the policy's
// words, and its history. The status e-mails link here.
export function PortalReferralsPage() {
  const { t } = useTranslation();
  const list = useKeysetList({
    search: referralsSearch,
    queryKey: (filters) => queryKeys.portalReferralList(filters),
    fetchPage: ({ status }, cursor) =>
      listPortalReferrals({ status: status || undefined, limit: PAGE_SIZE, cursor: cursor ?? undefined }),
    rowSelector: "[data-referral-heading]",
  });
  const { status } = list.filters;
  const count = list.state.items.length;
  const statusName = status ? t(`referral.status.${status}`) : "";

  return (
    <Stack gap="lg">
      <PageHeader title={t("portal.referrals.title")} intro={t("portal.referrals.intro")} introWidth={760} />
      <ReferCompany />
      <StatusFilter current={status || undefined} counts={list.firstPage?.counts} />
      <ListSection
        list={list.state}
        texts={{
          loadFailed: t("portal.referrals.loadFailed"),
          emptyTitle: t("portal.referrals.emptyTitle"),
          empty: status
            ? t("portal.referrals.emptyFiltered", { status: statusName })
            : t("portal.referrals.empty"),
          shown: status
            ? t("portal.referrals.shownFiltered", { count, status: statusName })
            : t("portal.referrals.shown", { count }),
        }}
      >
        {(referrals) => (
          <Stack gap="md">
            {referrals.map((referral) => (
              <ReferralCard key={referral.id} referral={referral} />
            ))}
          </Stack>
        )}
      </ListSection>
    </Stack>
  );
}
