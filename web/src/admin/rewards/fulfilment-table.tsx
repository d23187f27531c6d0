import { Anchor, Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AdminOffer } from "../../api/reward-types";
import { useFormatters } from "../../app/formatting";
import { ListTable } from "../../app/list-kit";
import { useLocalizedText } from "../../app/localized-text";
import type { OfferAction } from "./offer-update-form";

type FulfilmentTableProps = {
  offers: AdminOffer[];
  caption: string;
  onAction: (offer: AdminOffer, action: OfferAction, button: HTMLButtonElement) => void;
};

export function FulfilmentTable({ offers, caption, onAction }: FulfilmentTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const none = "—";
  return (
    <ListTable
      minWidth={340}
      caption={caption}
      columns={[
        // The referrer, the item and the actions always stay; narrower lists drop the rest.
        t("admin.fulfilment.table.participant"),
        { header: t("admin.fulfilment.table.company"), hideBelow: 760 },
        t("admin.fulfilment.table.item"),
        { header: t("admin.fulfilment.table.dueMonth"), hideBelow: 560 },
        { header: t("admin.fulfilment.table.chosenAt"), hideBelow: 900 },
        { header: t("admin.fulfilment.table.delivery"), hideBelow: 820 },
        { header: t("admin.fulfilment.table.delayNote"), hideBelow: 680 },
        t("admin.fulfilment.table.actions"),
      ]}
    >
      {offers.map((offer) => {
        const name = offer.participant.name;
        return (
          <Table.Tr key={offer.id}>
            <Table.Th scope="row" fw={400} style={{ overflowWrap: "anywhere" }}>
              <Text size="sm" fw={600}>
                {name}
              </Text>
              <Text size="xs" c="dimmed">
                {offer.participant.email}
              </Text>
            </Table.Th>
            <Table.Td>
              <Anchor component={Link} to={`/admin/referrals/${offer.referralId}`} size="sm" data-offer-link>
                {offer.companyName}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {offer.item ? (
                <>
                  {localized(offer.item.name)}
                  <Text size="xs" c="dimmed">
                    {t(`rewards.kind.${offer.item.kind}`)}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("admin.fulfilment.notChosen")}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{format.month(offer.dueMonth)}</Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>
              {offer.chosenAt ? format.dateTime(offer.chosenAt) : none}
            </Table.Td>
            <Table.Td style={{ overflowWrap: "anywhere" }}>
              {offer.deliveryReference ?? (offer.deliveredAt ? "" : none)}
              {offer.deliveredAt ? (
                <Text size="xs" c="dimmed">
                  {t("admin.fulfilment.table.deliveredAt", { date: format.dateTime(offer.deliveredAt) })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td style={{ whiteSpace: "pre-wrap" }}>{offer.delayNote ?? none}</Table.Td>
            <Table.Td>
              {offer.status === "delivered" ? (
                none
              ) : (
                <Group gap="xs">
                  {offer.item ? (
                    <Button
                      size="xs"
                      onClick={(event) => onAction(offer, "deliver", event.currentTarget)}
                      aria-label={t("admin.fulfilment.deliverLabel", { name })}
                    >
                      {t("admin.fulfilment.deliver")}
                    </Button>
                  ) : null}
                  <Button
                    size="xs"
                    variant="default"
                    onClick={(event) => onAction(offer, "delay", event.currentTarget)}
                    aria-label={t("admin.fulfilment.delayLabel", { name })}
                  >
                    {t("admin.fulfilment.delay")}
                  </Button>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
