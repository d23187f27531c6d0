import { Alert, Button, Center, Loader, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { apiErrorMessage } from "../../app/api-error-message";
import { PageHeader } from "../../app/page-header";
import { useSignedInReferrer } from "../portal-session";
import { OfferCard } from "./offer-card";
import { getPortalRewards } from "./portal-rewards-api";

// /portal/rewards – the referrer's rewards: choose one after a sale, then follow its delivery.
export function PortalRewardsPage() {
  const { t } = useTranslation();
  const { csrfToken } = useSignedInReferrer();
  const rewards = useQuery({ queryKey: queryKeys.portalRewards, queryFn: getPortalRewards });

  return (
    <Stack gap="lg">
      <PageHeader title={t("portal.rewards.title")} intro={t("portal.rewards.intro")} introWidth={760} />
      {rewards.isPending ? (
        <Center role="status" py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : rewards.isError ? (
        <Alert color="red" title={t("portal.rewards.loadFailed")}>
          <Stack gap="xs" align="flex-start">
            {apiErrorMessage(rewards.error, t)}
            <Button size="xs" variant="default" onClick={() => void rewards.refetch()}>
              {t("common.retry")}
            </Button>
          </Stack>
        </Alert>
      ) : rewards.data.items.length === 0 ? (
        <Alert color="gray" title={t("portal.rewards.emptyTitle")}>
          {t("portal.rewards.empty")}
        </Alert>
      ) : (
        rewards.data.items.map((offer) => (
          <OfferCard
            key={offer.id}
            offer={offer}
            availableItems={rewards.data.availableItems}
            csrfToken={csrfToken}
          />
        ))
      )}
    </Stack>
  );
}
