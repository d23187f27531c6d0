import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Center,
  Code,
  Divider,
  Group,
  List,
  Loader,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { apiErrorMessage } from "../../app/api-error-message";
import { type Fact, FactList } from "../../app/fact-list";
import { useFormatters } from "../../app/formatting";
import { MessageBody } from "../../app/message-body";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { getInboundEmail, inboundKeys, originalEmailUrl } from "./inbound-api";
import { inboundOutcomeText } from "./inbound-outcome";
import { QuarantineActions } from "./quarantine-actions";

export type { QuarantineNotice } from "./quarantine-actions";

import type { QuarantineNotice, ReceivedEmailProps } from "./quarantine-actions";

type InboundEmailPanelProps = {
  id: string;
  csrfToken: string;
  /** Called once the e-mail was attached or discarded (or someone else had handled it). */
  onHandled: (notice: QuarantineNotice) => void;
};

/** One received e-mail: what the sender wrote, the whole text, attachments, the original, the actions. */
export function InboundEmailPanel({ id, csrfToken, onHandled }: InboundEmailPanelProps) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const email = useQuery({ queryKey: inboundKeys.detail(id), queryFn: () => getInboundEmail(id) });
  if (email.isPending) {
    return (
      <Center role="status" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (email.isError) {
    return (
      <Alert color="red" title={th("admin.quarantine.detail.loadFailed")}>
        <Stack gap="xs" align="flex-start">
          {apiErrorMessage(email.error, t)}
          <Button size="xs" variant="default" onClick={() => void email.refetch()}>
            {t("common.retry")}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <EmailDetail key={id} email={email.data} csrfToken={csrfToken} onHandled={onHandled} />;
}

function EmailDetail({ email, csrfToken, onHandled }: ReceivedEmailProps) {
  const { th } = useHelpdeskTranslation();
  const format = useFormatters();
  const from = email.fromName ? `${email.fromName} <${email.fromAddress ?? ""}>` : email.fromAddress;
  const facts: Fact[] = [
    { label: th("admin.quarantine.detail.from"), value: from ?? th("admin.quarantine.noSender") },
    { label: th("admin.quarantine.detail.to"), value: email.to.join(", ") || "—" },
    ...(email.date
      ? [{ label: th("admin.quarantine.detail.date"), value: format.dateTime(email.date) }]
      : []),
    { label: th("admin.quarantine.detail.receivedAt"), value: format.dateTime(email.receivedAt) },
    { label: th("admin.quarantine.detail.why"), value: inboundOutcomeText(email.outcome, th) },
    ...(email.participant
      ? [
          {
            label: th("admin.quarantine.detail.participant"),
            value: `${email.participant.name} · ${email.participant.email}`,
          },
        ]
      : []),
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="inbound-email-title">
      <Stack gap="md">
        <div>
          <Text size="xs" c="dimmed">
            {th("admin.quarantine.detail.title")}
          </Text>
          <Title order={2} size="h4" id="inbound-email-title" style={{ overflowWrap: "anywhere" }}>
            {email.subject || th("admin.quarantine.noSubject")}
          </Title>
        </div>
        <FactList facts={facts} labelWidth={110} />
        <Group gap="md">
          <Anchor href={originalEmailUrl(email.id)} target="_blank" rel="noopener" size="sm">
            {th("admin.ticket.viewOriginal")}
            <VisuallyHidden> {th("admin.ticket.newTab")}</VisuallyHidden>
          </Anchor>
          <Anchor href={originalEmailUrl(email.id, true)} size="sm">
            {th("admin.quarantine.detail.download")}
          </Anchor>
          {email.ticketId ? (
            <Anchor component={Link} to={`/admin/helpdesk/${email.ticketId}`} size="sm">
              {th("admin.quarantine.detail.openTicket")}
            </Anchor>
          ) : null}
        </Group>
        <Divider />
        <Stack gap={6}>
          <Title order={3} size="h5">
            {th("admin.quarantine.detail.kept")}
          </Title>
          {email.replyHtml ? (
            <MessageBody html={email.replyHtml} />
          ) : (
            <Text size="sm" c="dimmed">
              {email.replyText || th("admin.quarantine.detail.empty")}
            </Text>
          )}
        </Stack>
        <Box component="details">
          <Box component="summary" fz="sm" style={{ cursor: "pointer" }}>
            {th("admin.quarantine.detail.fullText")}
          </Box>
          <Code block mt="xs" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {email.fullText || th("admin.quarantine.detail.empty")}
          </Code>
        </Box>
        <Stack gap={4}>
          <Title order={3} size="h5">
            {th("admin.quarantine.detail.attachments")}
          </Title>
          {email.attachments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {th("admin.quarantine.detail.noAttachments")}
            </Text>
          ) : (
            <List size="sm">
              {email.attachments.map((file, index) => (
                // Attachments have no id; their order in the message is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <List.Item key={index}>
                  {file.fileName ?? th("admin.quarantine.detail.unnamed")} · {file.contentType} ·{" "}
                  {formatBytes(file.size)}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        {email.status === "quarantined" ? (
          <QuarantineActions email={email} csrfToken={csrfToken} onHandled={onHandled} />
        ) : null}
      </Stack>
    </Card>
  );
}

function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
