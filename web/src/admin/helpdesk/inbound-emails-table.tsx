import { Anchor, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useFormatters } from "../../app/formatting";
import { ListTable } from "../../app/list-kit";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import type { InboundEmail } from "./inbound-api";
import { inboundOutcomeText } from "./inbound-outcome";

type InboundEmailsTableProps = {
  emails: InboundEmail[];
  selectedId: string | null;
  /** The page's URL for one e-mail, keeping the list it was picked from. */
  linkTo: (id: string) => string;
};

/** Newest first; the subject opens the e-mail beside the list. Senders' text is rendered as text. */
export function InboundEmailsTable({ emails, selectedId, linkTo }: InboundEmailsTableProps) {
  const { th } = useHelpdeskTranslation();
  const format = useFormatters();
  return (
    <ListTable
      minWidth={360}
      density="compact"
      striped={false}
      highlightOnHover
      columns={[
        th("admin.quarantine.table.subject"),
        th("admin.quarantine.table.from"),
        th("admin.quarantine.table.receivedAt"),
        th("admin.quarantine.table.why"),
      ]}
    >
      {emails.map((email) => {
        const isSelected = email.id === selectedId;
        return (
          <Table.Tr key={email.id} bg={isSelected ? "blue.0" : undefined}>
            <Table.Th scope="row" fw={500} miw={120} style={{ overflowWrap: "anywhere" }}>
              <Anchor
                component={Link}
                to={linkTo(email.id)}
                aria-current={isSelected ? "true" : undefined}
                data-email-link
              >
                {email.subject || th("admin.quarantine.noSubject")}
              </Anchor>
            </Table.Th>
            <Table.Td style={{ overflowWrap: "anywhere" }}>
              <Stack gap={0}>
                {email.fromName ? <Text size="sm">{email.fromName}</Text> : null}
                <Text size="xs" c={email.fromName ? "dimmed" : undefined}>
                  {email.fromAddress ?? th("admin.quarantine.noSender")}
                </Text>
              </Stack>
            </Table.Td>
            {/* Date and time may take two lines: the list shares the width with the open e-mail. */}
            <Table.Td miw={90}>{format.dateTime(email.receivedAt)}</Table.Td>
            <Table.Td>{inboundOutcomeText(email.outcome, th)}</Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
