import { Anchor, Card, SimpleGrid, Title } from "@mantine/core";
import { formatCnpj } from "@shared/cnpj";
import { useTranslation } from "react-i18next";
import { FactList } from "../../app/fact-list";
import { useFormatters } from "../../app/formatting";
import type { AdminReferralDetail } from "./referrals-api";

/** What the referrer typed into the form: the company, its contact and the referrer themself. */
export function ReferralSubmittedData({ referral }: { referral: AdminReferralDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const none = "—";
  return (
    <Card withBorder component="section" aria-labelledby="submitted-heading" padding="lg">
      <Title order={2} size="h3" id="submitted-heading" mb="sm">
        {t("admin.referral.submitted.title")}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <div>
          <Title order={3} size="h5" mb="xs">
            {t("admin.referral.submitted.company")}
          </Title>
          <FactList
            orientation="vertical"
            facts={[
              { label: t("admin.referral.submitted.companyName"), value: referral.companyName },
              {
                label: t("admin.referral.submitted.cnpj"),
                value: referral.companyCnpj ? formatCnpj(referral.companyCnpj) : none,
              },
              {
                label: t("admin.referral.submitted.companySize"),
                value: t(`referral.companySize.${referral.companySize}`),
              },
              {
                label: t("admin.referral.submitted.supportAgents"),
                value: referral.supportAgents ?? none,
              },
              { label: t("admin.referral.submitted.notes"), value: referral.notes || none },
              { label: t("admin.referral.submitted.createdAt"), value: format.dateTime(referral.createdAt) },
            ]}
          />
        </div>
        <div>
          <Title order={3} size="h5" mb="xs">
            {t("admin.referral.submitted.contact")}
          </Title>
          <FactList
            orientation="vertical"
            facts={[
              { label: t("admin.referral.submitted.name"), value: referral.contactName },
              { label: t("admin.referral.submitted.role"), value: referral.contactRole },
              {
                label: t("admin.referral.submitted.department"),
                value: t(`referral.department.${referral.contactDepartment}`),
              },
              {
                label: t("admin.referral.submitted.email"),
                value: <Anchor href={`mailto:${referral.contactEmail}`}>{referral.contactEmail}</Anchor>,
              },
              { label: t("admin.referral.submitted.phone"), value: referral.contactPhone },
            ]}
          />
        </div>
        <div>
          <Title order={3} size="h5" mb="xs">
            {t("admin.referral.submitted.referrer")}
          </Title>
          <FactList
            orientation="vertical"
            facts={[
              { label: t("admin.referral.submitted.name"), value: referral.referrer.name },
              {
                label: t("admin.referral.submitted.email"),
                value: <Anchor href={`mailto:${referral.referrer.email}`}>{referral.referrer.email}</Anchor>,
              },
              { label: t("admin.referral.submitted.phone"), value: referral.referrerPhone ?? none },
              // What this referral's form said, beside the profile (an anonymous form never changes it).
              ...(referral.submittedReferrerName
                ? [{ label: t("admin.referral.submitted.givenName"), value: referral.submittedReferrerName }]
                : []),
              ...(referral.submittedReferrerPhone
                ? [
                    {
                      label: t("admin.referral.submitted.givenPhone"),
                      value: referral.submittedReferrerPhone,
                    },
                  ]
                : []),
              {
                label: t("admin.referral.submitted.isCustomer"),
                value: referral.referrerIsCustomer ? t("common.yes") : t("common.no"),
              },
            ]}
          />
        </div>
      </SimpleGrid>
    </Card>
  );
}
