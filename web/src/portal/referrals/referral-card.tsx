import { Alert, Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { formatCnpj } from "@shared/cnpj";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FactList } from "../../app/fact-list";
import { useFormatters } from "../../app/formatting";
import { ReferralStatusBadge } from "../../app/referral-status-badge";
import { usePolicyWords } from "./policy-words";
import type { PortalReferral } from "./portal-referrals-api";
import { ReferralHistory } from "./referral-history";

type ReferralCardProps = {
  referral: PortalReferral;
  /**
   * In the list the card is titled with the company's name, a link to the referral's own page; that page
   * has the name as its main heading and gives the card this title instead.
   */
  pageHeading?: string;
  isHistoryOpen?: boolean;
};

/** One referral: where it stands in the policy's words, why (when it stopped), its dates and history. */
export function ReferralCard({ referral, pageHeading, isHistoryOpen = false }: ReferralCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const words = usePolicyWords();
  const headingId = useId();
  const status = words(referral.statusWords);
  const reason = referral.reasonWords ? words(referral.reasonWords) : null;

  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          {/* Focusable from script only: "load more" takes keyboard users to the first new card. */}
          <Title order={2} size="h4" id={headingId} tabIndex={-1} data-referral-heading>
            {pageHeading ?? (
              <Anchor component={Link} to={`/portal/referrals/${referral.id}`} inherit>
                {referral.companyName}
              </Anchor>
            )}
          </Title>
          <ReferralStatusBadge status={referral.status} label={status.label} size="lg" py={4} />
        </Group>
        <Text size="sm">{status.meaning}</Text>
        {reason ? (
          <Alert
            color={referral.status === "not_advanced" ? "orange" : "red"}
            variant="light"
            title={t("portal.referrals.reason", { label: reason.label })}
          >
            {reason.meaning}
          </Alert>
        ) : null}
        <FactList
          facts={[
            { label: t("portal.referrals.contact"), value: referral.contactName },
            ...(referral.companyCnpj
              ? [{ label: t("portal.referrals.cnpj"), value: formatCnpj(referral.companyCnpj) }]
              : []),
            { label: t("portal.referrals.sentAt"), value: format.date(referral.createdAt) },
            { label: t("portal.referrals.updatedAt"), value: format.date(referral.updatedAt) },
          ]}
        />
        <ReferralHistory referral={referral} isInitiallyOpen={isHistoryOpen} />
      </Stack>
    </Card>
  );
}
