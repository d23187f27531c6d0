import { Alert, Button, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { queryKeys } from "../../api/query-keys";
import { apiErrorMessage } from "../../app/api-error-message";
import { useFocusNewRows } from "../../app/focus-new-rows";
import { ReferCompany } from "../refer/refer-company";
import { listPortalReferrals, statusFromSearch } from "./portal-referrals-api";
import { ReferralCard } from "./referral-card";
import { StatusFilter } from "./status-filter";

const PAGE_SIZE = 20;

// /portal/referrals[?status=] – "Minhas Indicações": every referral, its status and reason in the policy's
// words, and its history. The status e-mails link here.
export function PortalReferralsPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const status = statusFromSearch(searchParams.get("status"));
  const listRef = useRef<HTMLDivElement>(null);
  const list = useInfiniteQuery({
    queryKey: queryKeys.portalReferralList({ status: status ?? "" }),
    queryFn: ({ pageParam }) => listPortalReferrals({ status, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const referrals = list.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = list.data?.pages[0]?.counts;
  const expectNewRows = useFocusNewRows(listRef, "[data-referral-heading]", referrals.length);
  function loadMore() {
    expectNewRows();
    void list.fetchNextPage();
  }

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t("portal.referrals.title")}</Title>
        <Text c="dimmed" mt={4} maw={760}>
          {t("portal.referrals.intro")}
        </Text>
      </div>
      <ReferCompany />
      <StatusFilter current={status} counts={counts} />
      {list.isPending ? (
        <Center role="status" py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : list.isError && referrals.length === 0 ? (
        <Alert color="red" title={t("portal.referrals.loadFailed")}>
          <Stack gap="xs" align="flex-start">
            {apiErrorMessage(list.error, t)}
            <Button size="xs" variant="default" onClick={() => void list.refetch()}>
              {t("common.retry")}
            </Button>
          </Stack>
        </Alert>
      ) : referrals.length === 0 ? (
        <Alert color="gray" role="status" title={t("portal.referrals.emptyTitle")}>
          {status
            ? t("portal.referrals.emptyFiltered", { status: t(`referral.status.${status}`) })
            : t("portal.referrals.empty")}
        </Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {status
              ? t("portal.referrals.shownFiltered", {
                  count: referrals.length,
                  status: t(`referral.status.${status}`),
                })
              : t("portal.referrals.shown", { count: referrals.length })}
          </Text>
          <Stack gap="md" ref={listRef}>
            {referrals.map((referral) => (
              <ReferralCard key={referral.id} referral={referral} />
            ))}
          </Stack>
          {list.isFetchNextPageError ? <Alert color="red">{apiErrorMessage(list.error, t)}</Alert> : null}
          {list.hasNextPage ? (
            <Button
              variant="default"
              onClick={loadMore}
              loading={list.isFetchingNextPage}
              style={{ alignSelf: "center" }}
            >
              {t("portal.referrals.loadMore")}
            </Button>
          ) : null}
        </>
      )}
    </Stack>
  );
}
