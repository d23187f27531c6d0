import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import type { OfferItem, OfferStatus } from "../../api/reward-types";
import { apiErrorMessage } from "../../app/api-error-message";
import { useFocusedDialog } from "../../app/dialog-focus";
import { useFormatters } from "../../app/formatting";
import { useLocalizedText } from "../../app/localized-text";
import { NewsAlert } from "../../app/news-alert";
import { OfferProgress } from "./offer-progress";
import { chooseReward, type PortalOffer } from "./portal-rewards-api";
import { RewardItemCards } from "./reward-item-cards";

const statusColors: Record<OfferStatus, string> = {
  awaiting_choice: "blue",
  chosen: "teal",
  delivered: "green",
  delayed: "orange",
};

type News = { tone: "success" | "conflict"; message: string };
type OfferCardProps = { offer: PortalOffer; availableItems: OfferItem[]; csrfToken: string };

/** One earned reward: where it stands and, while it awaits a choice, the items to choose from. */
export function OfferCard({ offer, availableItems, csrfToken }: OfferCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const headingId = useId();
  const queryClient = useQueryClient();
  const picked = useFocusedDialog<OfferItem>();
  const [news, setNews] = useState<News | null>(null);
  const choose = useMutation({
    mutationFn: (item: OfferItem) => chooseReward(offer.id, item.id, csrfToken),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.portalRewards }),
  });

  const close = picked.close;
  const pickedItem = picked.value;
  function confirm(item: OfferItem) {
    choose.mutate(item, {
      onSuccess: (saved) => {
        const month = format.month(saved.dueMonth);
        setNews({
          tone: "success",
          message: t("portal.rewards.choose.done", { item: localized(item.name), month }),
        });
        close("news");
      },
      onError: (error) => {
        setNews({ tone: "conflict", message: choiceErrorMessage(error, t) });
        close("news");
      },
    });
  }

  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {t("portal.rewards.offerTitle", { company: offer.companyName })}
          </Title>
          <Badge color={statusColors[offer.status]} variant="light" tt="none" size="lg">
            {t(`rewards.offerStatus.${offer.status}`)}
          </Badge>
        </Group>
        <Text fw={500}>{t("portal.rewards.dueMonth", { month: format.month(offer.dueMonth) })}</Text>
        {news ? <NewsAlert news={news} newsRef={picked.newsRef} /> : null}
        <OfferProgress offer={offer} />
        {/* A delay noted before the choice does not take the choice away. */}
        {!offer.item && offer.status !== "delivered" ? (
          <Stack gap="sm" component="section" aria-labelledby={`${headingId}-choose`}>
            <Title order={3} size="h5" id={`${headingId}-choose`}>
              {t("portal.rewards.choose.title")}
            </Title>
            {availableItems.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("portal.rewards.choose.noItems")}
              </Text>
            ) : (
              <RewardItemCards
                items={availableItems}
                onChoose={(item, button) => {
                  choose.reset();
                  setNews(null);
                  picked.open(item, button);
                }}
              />
            )}
          </Stack>
        ) : null}
      </Stack>
      <Modal {...picked.modalProps} title={t("portal.rewards.choose.confirmTitle")}>
        {pickedItem ? (
          <Stack>
            <Text>
              {t("portal.rewards.choose.confirmBody", {
                item: localized(pickedItem.name),
                company: offer.companyName,
              })}
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => close("trigger")} disabled={choose.isPending}>
                {t("portal.rewards.choose.back")}
              </Button>
              <Button onClick={() => confirm(pickedItem)} loading={choose.isPending} data-autofocus>
                {t("portal.rewards.choose.confirm")}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Card>
  );
}

function choiceErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error) && error.code === "reward_item_unavailable")
    return t("portal.rewards.errors.itemUnavailable");
  if (isApiError(error) && error.code === "offer_already_chosen")
    return t("portal.rewards.errors.alreadyChosen");
  return apiErrorMessage(error, t);
}
