import { Anchor, Badge, Group, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { inboundKeys, listInboundEmails } from "./inbound-api";

/** How many held e-mails to count at most: a full page of the list ("100+" beyond it). */
const COUNT_CAP = 100;

// The inbound list has no count of its own: one page of summaries (no bodies) stands in for it.
async function quarantineCount() {
  const page = await listInboundEmails("quarantined", null, COUNT_CAP);
  return { count: page.items.length, isMore: page.nextCursor !== null };
}

/** The helpdesk's way to the quarantine, with how many e-mails wait there. */
export function QuarantineLink() {
  const { i18n } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const held = useQuery({ queryKey: inboundKeys.quarantineCount, queryFn: quarantineCount });
  const count = held.data?.count ?? 0;
  const shown = held.data?.isMore
    ? th("admin.views.over", { count: new Intl.NumberFormat(i18n.resolvedLanguage).format(count) })
    : new Intl.NumberFormat(i18n.resolvedLanguage).format(count);
  return (
    <Anchor component={Link} to="/admin/helpdesk/quarantine" size="sm">
      <Group gap={6} wrap="nowrap" component="span">
        {th("admin.quarantine.navLabel")}
        {count > 0 ? (
          <Badge size="sm" color="orange" variant="light" component="span">
            <span aria-hidden="true">{shown}</span>
            <VisuallyHidden>{th("admin.quarantine.countLabel", { count })}</VisuallyHidden>
          </Badge>
        ) : null}
      </Group>
    </Anchor>
  );
}
