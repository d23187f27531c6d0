import { Button, Collapse, List, Text } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../app/formatting";
import { reasonLabel } from "../../app/referral-labels";
import { usePolicyWords } from "./policy-words";
import type { PortalReferral } from "./portal-referrals-api";

type ReferralHistoryProps = { referral: PortalReferral; isInitiallyOpen?: boolean };

/** Every move the referral made, oldest first, behind a button so long lists stay readable. */
export function ReferralHistory({ referral, isInitiallyOpen = false }: ReferralHistoryProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const words = usePolicyWords();
  const listId = useId();
  const [isOpen, setIsOpen] = useState(isInitiallyOpen);
  const { events } = referral;
  // The current reason reads in the policy's words; an earlier one (rare) in the product's labels.
  const reasonOf = (reason: string) =>
    referral.reasonWords && reason === referral.reason
      ? words(referral.reasonWords).label
      : reasonLabel(t, reason);

  if (events.length === 0) return null;
  return (
    <div>
      <Button
        variant="subtle"
        size="compact-sm"
        px={0}
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setIsOpen((open) => !open)}
      >
        {t(isOpen ? "portal.referrals.history.hide" : "portal.referrals.history.show", {
          count: events.length,
        })}
      </Button>
      <Collapse id={listId} expanded={isOpen}>
        <List type="ordered" size="sm" spacing={4} mt="xs" withPadding>
          {events.map((event) => (
            <List.Item key={`${event.createdAt}-${event.toStatus}`}>
              <Text span size="sm" c="dimmed">
                {format.dateTime(event.createdAt)}:{" "}
              </Text>
              {event.fromStatus
                ? t("portal.referrals.history.moved", {
                    from: t(`referral.status.${event.fromStatus}`),
                    to: t(`referral.status.${event.toStatus}`),
                  })
                : t("portal.referrals.history.created")}
              {event.reason ? ` (${reasonOf(event.reason)})` : null}
            </List.Item>
          ))}
        </List>
      </Collapse>
    </div>
  );
}
