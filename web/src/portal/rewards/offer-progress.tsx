import { Alert, Group, Image, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FactList } from "../../app/fact-list";
import { useFormatters } from "../../app/formatting";
import { useLocalizedText } from "../../app/localized-text";
import type { PortalOffer } from "./portal-rewards-api";

/** What happened to the reward so far: the item chosen, its delivery, or why it is late. */
export function OfferProgress({ offer }: { offer: PortalOffer }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  if (!offer.item && !offer.delayNote) return null;
  return (
    <Stack gap="sm">
      {offer.item ? (
        <Group gap="md" align="flex-start" wrap="nowrap">
          {offer.item.imageUrl ? (
            <Image src={offer.item.imageUrl} alt="" w={72} h={72} radius="sm" fit="cover" />
          ) : null}
          <FactList
            facts={[
              {
                label: t("portal.rewards.chosenItem"),
                value: `${localized(offer.item.name)} (${t(`rewards.kind.${offer.item.kind}`)})`,
              },
              ...(offer.chosenAt
                ? [{ label: t("portal.rewards.chosenAt"), value: format.date(offer.chosenAt) }]
                : []),
              ...(offer.deliveredAt
                ? [{ label: t("portal.rewards.deliveredAt"), value: format.date(offer.deliveredAt) }]
                : []),
              ...(offer.deliveryReference
                ? [{ label: t("portal.rewards.deliveryReference"), value: offer.deliveryReference }]
                : []),
            ]}
          />
        </Group>
      ) : null}
      {offer.delayNote && offer.status !== "delivered" ? (
        <Alert color="orange" title={t("portal.rewards.delayTitle")}>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {offer.delayNote}
          </Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
