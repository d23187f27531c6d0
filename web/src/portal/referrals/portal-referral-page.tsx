import { Alert, Anchor, Button, Center, Loader, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import { apiErrorMessage } from "../../app/api-error-message";
import { getPortalReferral } from "./portal-referrals-api";
import { ReferralCard } from "./referral-card";

// /portal/referrals/:id – one referral with its full history open.
export function PortalReferralPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const referral = useQuery({ queryKey: queryKeys.portalReferral(id), queryFn: () => getPortalReferral(id) });
  const isMissing =
    isApiError(referral.error) && (referral.error.status === 404 || referral.error.status === 422);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/portal/referrals">
        {t("portal.referrals.back")}
      </Anchor>
      {referral.isPending ? (
        <Center role="status" py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : referral.isError ? (
        <>
          <Title order={1}>
            {isMissing ? t("portal.referrals.notFound") : t("portal.referrals.loadOneFailed")}
          </Title>
          <Alert color={isMissing ? "gray" : "red"}>
            <Stack gap="xs" align="flex-start">
              {isMissing ? t("portal.referrals.notFoundBody") : apiErrorMessage(referral.error, t)}
              {isMissing ? null : (
                <Button size="xs" variant="default" onClick={() => void referral.refetch()}>
                  {t("common.retry")}
                </Button>
              )}
            </Stack>
          </Alert>
        </>
      ) : (
        <>
          <Title order={1}>{referral.data.companyName}</Title>
          <ReferralCard
            referral={referral.data}
            pageHeading={t("portal.referrals.detailHeading")}
            isHistoryOpen
          />
        </>
      )}
    </Stack>
  );
}
