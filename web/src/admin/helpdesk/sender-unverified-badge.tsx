import { Badge, Tooltip } from "@mantine/core";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";

/**
 * "Remetente não verificado": the e-mail that opened the ticket did not prove who sent it (no DKIM, SPF
 * or DMARC pass), or used a referrer's reply address from another address. The words are in the badge,
 * not only in its colour or tooltip, so every reader gets them.
 */
export function SenderUnverifiedBadge({ isUnverified }: { isUnverified: boolean }) {
  const { th } = useHelpdeskTranslation();
  if (!isUnverified) return null;
  return (
    <Tooltip
      label={th("admin.senderUnverified.hint")}
      multiline
      w={280}
      events={{ hover: true, focus: true, touch: true }}
    >
      <Badge color="red.9" variant="outline" tt="none" tabIndex={0} data-sender-unverified>
        {th("admin.senderUnverified.label")}
      </Badge>
    </Tooltip>
  );
}
