import { Alert, Anchor, Button, Center, Grid, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { isApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import { apiErrorMessage } from "../../app/api-error-message";
import { reasonLabel } from "../../app/referral-labels";
import { ReferralStatusBadge } from "../../app/referral-status-badge";
import { useCan, useSignedInStaff } from "../admin-session";
import { ReferralActions } from "./referral-actions";
import { ReferralAssignment } from "./referral-assignment";
import { ReferralChecks } from "./referral-checks";
import { ReferralHistory } from "./referral-history";
import { ReferralSaleSummary } from "./referral-sale-summary";
import { ReferralSubmittedData } from "./referral-submitted-data";
import { type AdminReferralDetail, getReferral } from "./referrals-api";

function listSearchFrom(state: unknown): string {
  if (
    typeof state === "object" &&
    state !== null &&
    "listSearch" in state &&
    typeof state.listSearch === "string"
  )
    return state.listSearch;
  return "";
}

// /admin/referrals/:id – one referral: what was submitted, what the checks found, its history and next moves.
export function ReferralDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const { csrfToken } = useSignedInStaff();
  const can = useCan();
  const isAllowed = can("referrals.work");
  const referral = useQuery({
    queryKey: queryKeys.adminReferral(id),
    queryFn: () => getReferral(id),
    enabled: isAllowed,
  });
  const listSearch = listSearchFrom(location.state);
  const backLink = (
    <Anchor component={Link} to={`/admin/referrals${listSearch ? `?${listSearch}` : ""}`} size="sm">
      {t("admin.referral.back")}
    </Anchor>
  );

  if (!isAllowed) return <Alert color="yellow">{t("admin.referrals.forbidden")}</Alert>;
  if (referral.isPending) {
    return (
      <Center role="status" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (referral.isError) {
    // A malformed id in the address is refused as 422: for the person it is the same missing referral.
    const isMissing = isApiError(referral.error) && [404, 422].includes(referral.error.status);
    return (
      <Stack gap="md" align="flex-start">
        {backLink}
        <Title order={1}>{isMissing ? t("admin.referral.notFound") : t("admin.referral.loadFailed")}</Title>
        {isMissing ? null : (
          <Alert color="red">
            <Stack gap="xs" align="flex-start">
              {apiErrorMessage(referral.error, t)}
              <Button size="xs" variant="default" onClick={() => void referral.refetch()}>
                {t("common.retry")}
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>
    );
  }
  return (
    <ReferralDetail
      referral={referral.data}
      csrfToken={csrfToken}
      backLink={backLink}
      isRefreshing={referral.isRefetching}
      onConflict={() => void referral.refetch()}
    />
  );
}

type ReferralDetailProps = {
  referral: AdminReferralDetail;
  csrfToken: string;
  backLink: ReactNode;
  isRefreshing: boolean;
  onConflict: () => void;
};

function ReferralDetail({ referral, csrfToken, backLink, isRefreshing, onConflict }: ReferralDetailProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <div>
        {backLink}
        <Title order={1} mt="xs">
          {referral.companyName}
        </Title>
        <Group gap="sm" mt="xs">
          <ReferralStatusBadge status={referral.status} size="lg" />
          {referral.reason ? <Text size="sm">{reasonLabel(t, referral.reason)}</Text> : null}
          {isRefreshing ? (
            <Text size="sm" c="dimmed" role="status">
              {t("admin.referral.refreshing")}
            </Text>
          ) : null}
        </Group>
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <ReferralSubmittedData referral={referral} />
            <ReferralChecks referral={referral} />
            {referral.sale ? <ReferralSaleSummary sale={referral.sale} offer={referral.offer} /> : null}
            <ReferralHistory events={referral.events} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <ReferralActions referral={referral} csrfToken={csrfToken} onConflict={onConflict} />
            <ReferralAssignment referral={referral} csrfToken={csrfToken} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
