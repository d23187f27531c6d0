import { Anchor, Badge, Card, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Formatters, useFormatters } from "../../app/formatting";
import type { AdminReferralDetail, ReferralFinding } from "./referrals-api";

const findingKinds = [
  "already_referred",
  "active_customer",
  "former_customer_recent",
  "former_customer",
  "partner_customer",
  "in_pipeline_before",
  "in_pipeline_after",
] as const;
const fraudKinds = [
  "burst_from_referrer",
  "burst_from_ip",
  "disposable_contact_email",
  "disposable_referrer_email",
  "contact_email_is_referrer",
] as const;

const checklistColors = { met: "green", notMet: "red", toJudge: "gray" } as const;

/** What the automatic checks found, the policy checklist and where the contact's consent stands. */
export function ReferralChecks({ referral }: { referral: AdminReferralDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Card withBorder component="section" aria-labelledby="checks-heading" padding="lg">
      <Title order={2} size="h3" id="checks-heading" mb="sm">
        {t("admin.referral.checks.title")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("admin.referral.checks.checklist")}
          </Title>
          <List spacing={6} size="sm" listStyleType="none" ml={0}>
            {referral.checklist.map((item) => {
              const state = item.met === null ? "toJudge" : item.met ? "met" : "notMet";
              return (
                <List.Item key={item.key}>
                  <Badge color={checklistColors[state]} variant="light" size="sm" mr="xs" tt="none">
                    {t(`admin.referral.checks.${state}`)}
                  </Badge>
                  {t(`referral.checklist.${item.key}`)}
                </List.Item>
              );
            })}
          </List>
          <Title order={3} size="h5" mt="sm">
            {t("admin.referral.checks.contactConfirmation")}
          </Title>
          <Text size="sm">{confirmationText(referral, t, format)}</Text>
          <Text size="sm" c="dimmed">
            {referral.contactConfirmationRequired
              ? t("admin.referral.checks.confirmationRequired")
              : t("admin.referral.checks.confirmationOptional")}
          </Text>
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("admin.referral.checks.findings")}
          </Title>
          <FindingList findings={referral.findings} empty={t("admin.referral.checks.noFindings")} />
          <Title order={3} size="h5" mt="sm">
            {t("admin.referral.checks.fraudSignals")}
          </Title>
          <FindingList findings={referral.fraudSignals} empty={t("admin.referral.checks.noFraudSignals")} />
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

function confirmationText(referral: AdminReferralDetail, t: TFunction, format: Formatters): string {
  const confirmation = referral.contactConfirmation;
  if (!confirmation) return t("admin.referral.checks.confirmationNotAsked");
  const when = confirmation.decidedAt ? format.dateTime(confirmation.decidedAt) : "";
  return t(`admin.referral.checks.confirmation.${confirmation.decision}`, { when });
}

function FindingList({ findings, empty }: { findings: ReferralFinding[]; empty: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (findings.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <List spacing={4} size="sm">
      {findings.map((finding) => (
        <List.Item key={`${finding.kind}-${finding.createdAt}`}>
          {findingLabel(finding, t, format)}
          {finding.kind === "already_referred" && typeof finding.detail.winnerId === "string" ? (
            <>
              {" – "}
              <Anchor component={Link} to={`/admin/referrals/${finding.detail.winnerId}`} size="sm">
                {t("admin.referral.checks.seeEarlier")}
              </Anchor>
            </>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}

function findingLabel(finding: ReferralFinding, t: TFunction, format: Formatters): string {
  const { kind, detail } = finding;
  const knownFinding = findingKinds.find((known) => known === kind);
  if (knownFinding) {
    // Registry matches carry the date that decided them: when the customer left, when the lead entered.
    const date = detail.churnedOn ?? detail.enteredOn;
    const label = t(`referral.finding.${knownFinding}`);
    return typeof date === "string" ? `${label} (${format.day(date)})` : label;
  }
  const fraud = fraudKinds.find((known) => known === kind);
  if (fraud) return t(`referral.fraudSignal.${fraud}`, { count: Number(detail.lastHour) || 0 });
  return kind;
}
