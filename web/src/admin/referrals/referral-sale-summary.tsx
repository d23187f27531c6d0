import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { formatCnpj } from "@shared/cnpj";
import { useTranslation } from "react-i18next";
import type { AdminOffer } from "../../api/reward-types";
import { FactList } from "../../app/fact-list";
import { useFormatters } from "../../app/formatting";
import { useLocalizedText } from "../../app/localized-text";
import type { ReferralSale } from "./referrals-api";

type ReferralSaleSummaryProps = { sale: ReferralSale; offer: AdminOffer | null };

/** The confirmed sale and, when it earned one, the referrer's reward offer and how its delivery goes. */
export function ReferralSaleSummary({ sale, offer }: ReferralSaleSummaryProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  return (
    <Card withBorder component="section" aria-labelledby="sale-heading" padding="lg">
      <Title order={2} size="h3" id="sale-heading" mb="sm">
        {t("admin.referral.sale.title")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <FactList
          facts={[
            { label: t("admin.referral.sale.cnpjs"), value: sale.cnpjs.map(formatCnpj).join(", ") },
            {
              label: t("admin.referral.sale.isUpgrade"),
              value: sale.isUpgrade ? t("common.yes") : t("common.no"),
            },
            { label: t("admin.referral.sale.closedAt"), value: format.day(sale.closedAt) },
            { label: t("admin.referral.sale.recordedAt"), value: format.dateTime(sale.createdAt) },
          ]}
        />
        <div>
          <Title order={3} size="h5" mb="xs">
            {t("admin.referral.sale.offer")}
          </Title>
          {offer ? (
            <FactList
              facts={[
                {
                  label: t("admin.referral.sale.offerStatus"),
                  value: t(`rewards.offerStatus.${offer.status}`),
                },
                { label: t("admin.referral.sale.dueMonth"), value: format.month(offer.dueMonth) },
                {
                  label: t("admin.referral.sale.item"),
                  value: offer.item ? localized(offer.item.name) : t("admin.referral.sale.notChosen"),
                },
                ...(offer.deliveryReference
                  ? [{ label: t("admin.referral.sale.deliveryReference"), value: offer.deliveryReference }]
                  : []),
                ...(offer.delayNote
                  ? [{ label: t("admin.referral.sale.delayNote"), value: offer.delayNote }]
                  : []),
              ]}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {sale.isUpgrade ? t("admin.referral.sale.upgradeNoOffer") : t("admin.referral.sale.noOffer")}
            </Text>
          )}
        </div>
      </SimpleGrid>
    </Card>
  );
}
