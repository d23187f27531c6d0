import { Anchor, Card, Group, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LinkedReferral } from "../api/helpdesk-types";
import { useHelpdeskTranslation } from "../i18n/helpdesk-translation";
import { reasonLabel } from "./referral-labels";
import { ReferralStatusBadge } from "./referral-status-badge";

/** The referral a ticket is about, at the top of the ticket: company (a link to it), status and reason. */
export function LinkedReferralCard({ referral, to }: { referral: LinkedReferral; to: string }) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const headingId = useId();
  const reason = reasonLabel(t, referral.reason);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h5" id={headingId} mb={4}>
        {th("linkedReferral.title")}
      </Title>
      <Group gap="sm" wrap="wrap">
        <Anchor
          component={Link}
          to={to}
          fw={600}
          aria-label={th("linkedReferral.open", { company: referral.companyName })}
          style={{ overflowWrap: "anywhere" }}
        >
          {referral.companyName}
        </Anchor>
        <ReferralStatusBadge status={referral.status} />
        {reason ? <Text size="sm">{th("linkedReferral.reason", { reason })}</Text> : null}
      </Group>
    </Card>
  );
}
