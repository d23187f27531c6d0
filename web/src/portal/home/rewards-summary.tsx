import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { queryKeys } from "../../api/query-keys";
import { offerStatuses } from "../../api/reward-types";
import { apiErrorMessage } from "../../app/api-error-message";
import { FactList } from "../../app/fact-list";
import { getPortalRewards } from "../rewards/portal-rewards-api";

/** Rewards earned so far, by state, and a nudge when one waits for the referrer's choice. */
export function RewardsSummary() {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const rewards = useQuery({ queryKey: queryKeys.portalRewards, queryFn: getPortalRewards });
  const offers = rewards.data?.items ?? [];
  const toChoose = offers.filter((offer) => offer.status === "awaiting_choice").length;

  return (
    <Stack component="section" gap="sm" aria-labelledby="rewards-summary-heading">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3" id="rewards-summary-heading">
          {t("portal.home.rewardsTitle")}
        </Title>
        <Anchor component={Link} to="/portal/rewards">
          {t("portal.home.seeRewards")}
        </Anchor>
      </Group>
      {rewards.isPending ? (
        <Center role="status" py="md">
          <Loader size="sm" aria-label={t("common.loading")} />
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
      ) : (
        <>
          <Text>
            {t("portal.home.rewardsEarned", {
              count: offers.length,
              formatted: number.format(offers.length),
            })}
          </Text>
          {offers.length > 0 ? (
            <FactList
              labelWidth={180}
              facts={offerStatuses.map((status) => ({
                label: t(`rewards.offerStatus.${status}`),
                value: number.format(offers.filter((offer) => offer.status === status).length),
              }))}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t("portal.home.noRewards")}
            </Text>
          )}
          {toChoose > 0 ? (
            <Alert color="blue" variant="light">
              <Anchor component={Link} to="/portal/rewards" fw={600}>
                {t("portal.home.rewardsToChoose", { count: toChoose })}
              </Anchor>
            </Alert>
          ) : null}
        </>
      )}
    </Stack>
  );
}
